namespace PublicProtectionHub.CaseRecord.Practitioners;

/// <summary>
/// A practitioner the hub can push to, as identity last described their account: their role and the
/// scope claim that goes with it (ACCESS.md), and whether they are the duty officer of that scope.
/// </summary>
public sealed class Practitioner
{
    public required string UserName { get; set; }
    public required string DisplayName { get; set; }
    public required string Role { get; set; }
    public string? Establishment { get; set; }
    public string? Force { get; set; }
    public string? VictimLiaisonUnit { get; set; }
    public string? MappaArea { get; set; }
    public string? ProbationDeliveryUnit { get; set; }
    public bool Duty { get; set; }
    public bool Disabled { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
