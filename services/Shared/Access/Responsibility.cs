namespace PublicProtectionHub.Access;

/// <summary>
/// This service's copy of who is responsible for a person, kept from case-record's
/// <c>ResponsibilityChanged</c> events so need-to-know is decided locally.
/// </summary>
public sealed class Responsibility
{
    public required string PersonKey { get; set; }
    public string? NomsNumber { get; set; }
    public string? Crn { get; set; }
    public string? EstablishmentCode { get; set; }
    public bool InCommunity { get; set; }
    public string? OffenderSupervisor { get; set; }
    public string? OffenderManager { get; set; }
    public string? ProbationDeliveryUnit { get; set; }
    public string? PoliceForce { get; set; }
    public List<string> VictimLiaisonUnits { get; set; } = [];
    public string? MappaArea { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
