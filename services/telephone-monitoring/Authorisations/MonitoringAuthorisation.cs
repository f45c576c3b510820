namespace PublicProtectionHub.TelephoneMonitoring.Authorisations;

/// <summary>
/// A Prison Rule 35A authorisation to monitor the content of a prisoner's calls: its purpose (one of the rule's),
/// the reason, who authorised it, from when and until when, and when it must be reviewed. It ends at
/// <see cref="EndsAt"/> unless a renewal is recorded before then.
/// </summary>
public sealed class MonitoringAuthorisation
{
    public Guid Id { get; set; }
    public required string PersonKey { get; set; }
    public required string EstablishmentCode { get; set; }
    public required string Purpose { get; set; }
    public required string Reason { get; set; }
    public required string AuthorisedBy { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public DateOnly ReviewDate { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>The review date the security department was last told of, so each review is pushed once.</summary>
    public DateOnly? ReviewDueNotifiedFor { get; set; }

    /// <summary>Its unrenewed end was pushed.</summary>
    public bool EndNotified { get; set; }
    public List<MonitoringAuthorisationRenewal> Renewals { get; set; } = [];

    public bool IsInForceAt(DateTimeOffset at) => StartsAt <= at && at < EndsAt;
}

public sealed class MonitoringAuthorisationRenewal
{
    public Guid Id { get; set; }
    public Guid AuthorisationId { get; set; }
    public required string RenewedBy { get; set; }
    public DateTimeOffset RenewedAt { get; set; }
    public DateTimeOffset PreviousEndsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public DateOnly ReviewDate { get; set; }
}

/// <summary>The purposes Prison Rule 35A(4) allows monitoring for.</summary>
public static class MonitoringPurposes
{
    public static readonly IReadOnlyList<string> All =
    [
        "national-security", "prevention-of-crime", "public-safety", "prison-security-and-good-order", "health-or-morals",
        "rights-and-freedoms-of-others",
    ];
}
