namespace PublicProtectionHub.ServiceDefaults;

/// <summary>The roles of ACCESS.md, and the agency each belongs to.</summary>
public static class HubRoles
{
    public const string PrisonSecurity = "prison-security";
    public const string OffenderSupervisor = "offender-supervisor";
    public const string OffenderManager = "offender-manager";
    public const string Police = "police";
    public const string VictimLiaison = "victim-liaison";
    public const string MappaCoordinator = "mappa-coordinator";
    public const string Auditor = "auditor";
    public const string Admin = "admin";

    /// <summary>A machine client (client credentials), limited to its own endpoints.</summary>
    public const string Machine = "machine";

    public static readonly IReadOnlyList<string> Practitioners =
        [PrisonSecurity, OffenderSupervisor, OffenderManager, Police, VictimLiaison, MappaCoordinator];

    public static readonly IReadOnlyList<string> All = [.. Practitioners, Auditor, Admin];

    public static string AgencyOf(string role) => role switch
    {
        PrisonSecurity or OffenderSupervisor => "prison",
        OffenderManager => "probation",
        Police => "police",
        VictimLiaison => "victim-liaison-unit",
        MappaCoordinator => "mappa-unit",
        Auditor => "information-governance",
        Admin => "system-administration",
        Machine => "machine-client",
        _ => "unknown",
    };
}
