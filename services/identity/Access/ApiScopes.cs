using static OpenIddict.Abstractions.OpenIddictConstants;

namespace PublicProtectionHub.Identity.Access;

/// <summary>
/// One scope per API; each maps to the resource (token audience) of the same name, so a token
/// for <c>mappa</c> is accepted by the mappa service and no other.
/// </summary>
public static class ApiScopes
{
    public const string RiskOfHarm = "risk-of-harm";
    public const string Mappa = "mappa";
    public const string VictimContact = "victim-contact";
    public const string TelephoneMonitoring = "telephone-monitoring";
    public const string CaseRecord = "case-record";
    public const string Identity = "identity";

    public static readonly IReadOnlyList<string> All =
        [RiskOfHarm, Mappa, VictimContact, TelephoneMonitoring, CaseRecord, Identity];

    /// <summary>
    /// The HMPPS APIs behind domain events' <c>detailUrl</c> (locally, the stand-in that answers for them): an
    /// audience outside the hub, so the service clients do not get it; a client is given it by name.
    /// </summary>
    public const string HmppsApis = "hmpps-apis";

    public static readonly IReadOnlyList<string> External = [HmppsApis];

    /// <summary>Scopes a browser client may ask for besides the API scopes.</summary>
    public static readonly IReadOnlyList<string> UserScopes = [Scopes.OpenId, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess];

    public static bool IsApiScope(string scope) => All.Contains(scope) || External.Contains(scope);

    public static IEnumerable<string> ResourcesFor(IEnumerable<string> scopes) => scopes.Where(IsApiScope);
}
