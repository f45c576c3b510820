using System.Text.Json.Serialization;

namespace PublicProtectionHub.Audit;

/// <summary>The processing operations DPA 2018 s.62 requires a log of, plus refusals of access.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AuditAction>))]
public enum AuditAction
{
    Collection,
    Consultation,
    Alteration,
    Disclosure,
    Combination,
    Erasure,
    AccessDenied,
}

[JsonConverter(typeof(JsonStringEnumConverter<AuditOutcome>))]
public enum AuditOutcome { Succeeded, Denied, Failed }
