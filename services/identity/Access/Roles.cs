namespace PublicProtectionHub.Identity.Access;

/// <summary>The roles of shared/ACCESS.md, and the scope claim each one needs.</summary>
public static class Roles
{
    public const string PrisonSecurity = "prison-security";
    public const string OffenderSupervisor = "offender-supervisor";
    public const string OffenderManager = "offender-manager";
    public const string Police = "police";
    public const string VictimLiaison = "victim-liaison";
    public const string MappaCoordinator = "mappa-coordinator";
    public const string Auditor = "auditor";
    public const string Admin = "admin";

    /// <summary>Given to client-credentials tokens; never to a user.</summary>
    public const string Machine = "machine";

    private static readonly Dictionary<string, string?> RequiredScopeClaim = new(StringComparer.Ordinal)
    {
        [PrisonSecurity] = ScopeClaims.Establishment,
        [OffenderSupervisor] = ScopeClaims.Establishment,
        // An offender manager's scope is their own user id (sub); the PDU narrows it.
        [OffenderManager] = ScopeClaims.Pdu,
        [Police] = ScopeClaims.Force,
        [VictimLiaison] = ScopeClaims.VloUnit,
        [MappaCoordinator] = ScopeClaims.MappaArea,
        [Auditor] = null,
        [Admin] = null,
    };

    public static IReadOnlyCollection<string> UserRoles => RequiredScopeClaim.Keys;

    public static bool IsUserRole(string? role) => role is not null && RequiredScopeClaim.ContainsKey(role);

    public static string? ScopeClaimFor(string role) => RequiredScopeClaim.GetValueOrDefault(role);
}
