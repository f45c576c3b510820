using System.ComponentModel.DataAnnotations;

namespace PublicProtectionHub.CaseRecord.Integrations.HmppsEvents.Detail;

/// <summary>
/// <c>HmppsEvents:Detail</c>: how case-record fetches an event's detail from its <c>detailUrl</c>. Without a token
/// endpoint nothing is fetched, and an event that lacks what its type needs is refused as before.
/// </summary>
public sealed class HmppsDetailOptions : IValidatableObject
{
    public const string Section = "HmppsEvents:Detail";

    /// <summary>The OAuth2 token endpoint (HMPPS Auth; locally the hub's identity service).</summary>
    public Uri? TokenEndpoint { get; set; }

    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>Optional: the scope asked for (space-separated).</summary>
    public string? Scope { get; set; }

    /// <summary>
    /// Origins (<c>scheme://host[:port]</c>) a <c>detailUrl</c> may point at: an event never makes the hub call any
    /// other host.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Per request, to the token endpoint and to the detail endpoint.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool IsEnabled => TokenEndpoint is not null;

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (!IsEnabled) yield break;
        if (string.IsNullOrEmpty(ClientId) || string.IsNullOrEmpty(ClientSecret))
            yield return new ValidationResult($"{Section}:ClientId and ClientSecret are required with a TokenEndpoint.");
        if (AllowedOrigins.Length == 0 || AllowedOrigins.Any(o => HmppsDetailClient.OriginOf(o) is null))
            yield return new ValidationResult($"{Section}:AllowedOrigins must list at least one origin (scheme://host[:port]).");
        if (Timeout <= TimeSpan.Zero)
            yield return new ValidationResult($"{Section}:Timeout must be positive.");
    }
}
