namespace PublicProtectionHub.TelephoneMonitoring.Intelligence;

/// <summary>
/// A security analyst's review of a call: no concern, or an intelligence report graded on the 3x5x2 model
/// (source evaluation 1–3, intelligence assessment A–E, handling code P or C with conditions).
/// </summary>
public sealed class CallReview
{
    public Guid Id { get; set; }
    public required string CallId { get; set; }
    public required string PersonKey { get; set; }
    public required string EstablishmentCode { get; set; }
    public required string Outcome { get; set; }
    public int? SourceEvaluation { get; set; }
    public string? IntelligenceAssessment { get; set; }
    public string? HandlingCode { get; set; }
    public string? HandlingConditions { get; set; }
    public string? Summary { get; set; }
    public bool SharedWithPolice { get; set; }
    public required string ReviewedBy { get; set; }
    public DateTimeOffset ReviewedAt { get; set; }
}

public static class ReviewOutcomes
{
    public const string NoConcern = "no-concern";
    public const string IntelligenceReport = "intelligence-report";
}
