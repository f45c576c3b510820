namespace PublicProtectionHub.VictimContact.Tasks;

/// <summary>"Inform the victim": raised for the allocated unit when an event in the offender's sentence arrives.</summary>
public sealed class InformationTask
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid SourceEventId { get; set; }
    public required string SentenceEvent { get; set; }
    public List<string> MayDisclose { get; set; } = [];
    public List<string> MustNotDisclose { get; set; } = [];
    public DateOnly Due { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public string? Outcome { get; set; }
    public string? CompletedBy { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
