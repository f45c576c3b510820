namespace PublicProtectionHub.Contracts.RiskOfHarm;

public enum RoshLevel { Low, Medium, High, VeryHigh }

/// <summary>A risk of harm assessment was completed; custody and community levels kept apart.</summary>
public sealed record RiskOfHarmAssessed(
    Guid AssessmentId,
    PersonReference Person,
    RoshLevel HighestCustodyLevel,
    RoshLevel HighestCommunityLevel,
    string Summary,
    DateTimeOffset OccurredAt,
    Classification Classification);
