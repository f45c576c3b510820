using System.Security.Claims;
using PublicProtectionHub.ServiceDefaults;

namespace PublicProtectionHub.Access;

/// <summary>The authenticated caller as ACCESS.md sees them: a role and the scope claim that goes with it.</summary>
public sealed record Caller(
    string Id,
    string Role,
    string? ClientId,
    string? Establishment,
    string? Force,
    string? VictimLiaisonUnit,
    string? MappaArea,
    string? ProbationDeliveryUnit)
{
    public static Caller From(ClaimsPrincipal user) => new(
        user.FindFirstValue(HubClaims.PreferredUserName) ?? user.FindFirstValue(HubClaims.Subject) ?? "",
        user.FindFirstValue(HubClaims.Role) ?? "",
        user.FindFirstValue(HubClaims.ClientId),
        user.FindFirstValue(HubClaims.Establishment),
        user.FindFirstValue(HubClaims.Force),
        user.FindFirstValue(HubClaims.VictimLiaisonUnit),
        user.FindFirstValue(HubClaims.MappaArea),
        user.FindFirstValue(HubClaims.ProbationDeliveryUnit));
}
