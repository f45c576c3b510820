using PublicProtectionHub.ServiceDefaults;

namespace PublicProtectionHub.Identity.Access;

/// <summary>Claims that say which people a user (or machine client) is responsible for; the names are the services' (<see cref="HubClaims"/>).</summary>
public static class ScopeClaims
{
    public const string Establishment = HubClaims.Establishment;
    public const string Force = HubClaims.Force;
    public const string VloUnit = HubClaims.VictimLiaisonUnit;
    public const string MappaArea = HubClaims.MappaArea;
    public const string Pdu = HubClaims.ProbationDeliveryUnit;
    public const string Duty = HubClaims.Duty;

    public const int MaxValueLength = 100;

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Establishment, Force, VloUnit, MappaArea, Pdu, Duty,
    };

    /// <summary>
    /// Checks a set of scope claims for a role; returns (field, message) pairs that name the
    /// field, never the value.
    /// </summary>
    public static IEnumerable<(string Field, string Message)> Validate(string? role, IReadOnlyDictionary<string, string> claims)
    {
        foreach (var (type, value) in claims)
        {
            if (!All.Contains(type))
                yield return ("claims", $"Unknown claim type. Allowed: {string.Join(", ", All)}.");
            else if (string.IsNullOrWhiteSpace(value) || value.Length > MaxValueLength)
                yield return ($"claims.{type}", $"Must be 1 to {MaxValueLength} characters.");
        }

        if (role is not null && Roles.ScopeClaimFor(role) is { } required && !claims.ContainsKey(required))
            yield return ($"claims.{required}", $"The role needs the '{required}' claim.");
    }
}
