using PublicProtectionHub.ServiceDefaults;

namespace PublicProtectionHub.Identity.Access;

/// <summary>The scope claim each user role of shared/ACCESS.md needs (the roles themselves are <see cref="HubRoles"/>).</summary>
public static class Roles
{
    private static readonly Dictionary<string, string?> RequiredScopeClaim = new(StringComparer.Ordinal)
    {
        [HubRoles.PrisonSecurity] = ScopeClaims.Establishment,
        [HubRoles.OffenderSupervisor] = ScopeClaims.Establishment,
        // An offender manager's scope is their own user id (sub); the PDU narrows it.
        [HubRoles.OffenderManager] = ScopeClaims.Pdu,
        [HubRoles.Police] = ScopeClaims.Force,
        [HubRoles.VictimLiaison] = ScopeClaims.VloUnit,
        [HubRoles.MappaCoordinator] = ScopeClaims.MappaArea,
        [HubRoles.Auditor] = null,
        [HubRoles.Admin] = null,
    };

    public static IReadOnlyCollection<string> UserRoles => RequiredScopeClaim.Keys;

    public static bool IsUserRole(string? role) => role is not null && RequiredScopeClaim.ContainsKey(role);

    public static string? ScopeClaimFor(string role) => RequiredScopeClaim.GetValueOrDefault(role);
}
