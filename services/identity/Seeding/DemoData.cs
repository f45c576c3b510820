using System.Text.Json;

namespace PublicProtectionHub.Identity.Seeding;

/// <summary>
/// The shape of <c>infra/demo/demo-data.json</c> (users and clients only; other services read
/// their own parts). Everything is optional here so that a missing field is reported, not thrown.
/// </summary>
internal sealed record DemoData(List<DemoUser>? Users, List<DemoClient>? Clients);

internal sealed record DemoUser(
    string? UserName, string? Password, string? DisplayName, string? Role, Dictionary<string, JsonElement>? Claims);

internal sealed record DemoClient(
    string? ClientId, string? ClientSecret, string? DisplayName, List<string>? Grants, List<string>? Scopes,
    List<string>? RedirectUris, List<string>? PostLogoutRedirectUris, Dictionary<string, JsonElement>? Claims);

internal static class DemoClaims
{
    /// <summary>Claim values as strings; numbers and booleans are taken as written, anything else is dropped.</summary>
    public static Dictionary<string, string> ToStrings(Dictionary<string, JsonElement>? claims) =>
        (claims ?? []).Where(c => c.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
            .ToDictionary(c => c.Key, c => c.Value.ValueKind == JsonValueKind.String ? c.Value.GetString()! : c.Value.GetRawText(),
                StringComparer.Ordinal);
}
