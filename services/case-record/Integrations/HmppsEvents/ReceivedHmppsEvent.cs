using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace PublicProtectionHub.CaseRecord.Integrations.HmppsEvents;

/// <summary>
/// Every HMPPS event the hub has accepted, with what it did. The body itself is not kept: its hash
/// recognises a replay, and the identifiers say whom it was about.
/// </summary>
public sealed class ReceivedHmppsEvent
{
    public Guid Id { get; set; }

    /// <summary>SHA-256 of event type, identifiers, occurredAt and the body's hash: the same event twice is one row.</summary>
    public required string ReplayKey { get; set; }
    public required string EventType { get; set; }
    public required string Kind { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public required string BodyHash { get; set; }
    public string? NomsNumber { get; set; }
    public string? Crn { get; set; }
    public Guid? PersonId { get; set; }
    public HmppsEventOutcome Outcome { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }

    public static string ReplayKeyOf(HmppsEvent e) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        $"{e.EventType}\n{e.Person}\n{e.OccurredAt.UtcTicks}\n{e.BodyHash}")));
}

[JsonConverter(typeof(JsonStringEnumConverter<HmppsEventOutcome>))]
public enum HmppsEventOutcome
{
    /// <summary>Applied to the person (their record or responsibilities may or may not have changed).</summary>
    Applied,

    /// <summary>An event type the hub does not handle: recorded and ignored.</summary>
    UnknownType,

    /// <summary>Older than the last applied event of the same kind for the person: it does not overwrite newer state.</summary>
    Superseded,

    /// <summary>About nobody the hub knows, and without enough to register them (a name): recorded and ignored.</summary>
    PersonUnknown,

    /// <summary>The identifiers name two different people in the register: recorded and ignored for a person to resolve.</summary>
    IdentifiersConflict,

    /// <summary>
    /// The event needed its detail and the HMPPS API behind <c>detailUrl</c> has none (404) or gave one about
    /// someone else: recorded and ignored, not retried.
    /// </summary>
    DetailNotFound,
}
