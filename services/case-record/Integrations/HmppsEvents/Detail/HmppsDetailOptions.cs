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

    /// <summary>The URL to fetch, or null when fetching is off or the URL is not absolute, carries credentials or is not on an allowed origin.</summary>
    public Uri? AllowedUrl(string? detailUrl)
    {
        if (!IsEnabled || detailUrl is null || !Uri.TryCreate(detailUrl, UriKind.Absolute, out var url)
            || url.UserInfo.Length > 0 || OriginOf(detailUrl) is not { } origin)
            return null;
        return AllowedOrigins.Any(o => OriginOf(o) == origin) ? url : null;
    }

    /// <summary><c>scheme://host[:port]</c> in lower case, the default port left out; null for anything but http(s).</summary>
    public static string? OriginOf(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant()
            : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (!IsEnabled) yield break;
        if (string.IsNullOrEmpty(ClientId) || string.IsNullOrEmpty(ClientSecret))
            yield return new ValidationResult($"{Section}:ClientId and ClientSecret are required with a TokenEndpoint.");
        if (AllowedOrigins.Length == 0 || AllowedOrigins.Any(o => OriginOf(o) is null))
            yield return new ValidationResult($"{Section}:AllowedOrigins must list at least one origin (scheme://host[:port]).");
        if (Timeout <= TimeSpan.Zero)
            yield return new ValidationResult($"{Section}:Timeout must be positive.");
    }
}
