namespace PublicProtectionHub.VictimContact.Orders;

/// <summary>
/// Telephone monitoring's alert that the offender called, or tried to call, a number one of this service's orders
/// prohibits: a breach the VLO acts on (the victim may need warning). Its id is the alert's; repeated calls that
/// telephone monitoring joins into the alert raise its count.
/// </summary>
public sealed class CallBreach
{
    public Guid Id { get; set; }
    public Guid OrderId { get; set; }
    public Guid CaseId { get; set; }
    public int CallCount { get; set; }
    public bool Connected { get; set; }
    public required string Severity { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public string? ActionTaken { get; set; }
    public string? ActionBy { get; set; }
    public DateTimeOffset? ActionAt { get; set; }
}
