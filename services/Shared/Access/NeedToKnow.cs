using PublicProtectionHub.ServiceDefaults;

namespace PublicProtectionHub.Access;

/// <summary>
/// ACCESS.md's "responsible for a person when", as a query filter. Every read of person data
/// starts from this; a person it filters out does not exist for the caller.
/// </summary>
public static class NeedToKnow
{
    public static IQueryable<Responsibility> ResponsibleFor(this IQueryable<Responsibility> people, Caller caller) => caller.Role switch
    {
        HubRoles.PrisonSecurity or HubRoles.OffenderSupervisor when caller.Establishment is { } prison =>
            people.Where(r => !r.InCommunity && r.EstablishmentCode == prison),
        HubRoles.OffenderManager when caller.Id.Length > 0 =>
            people.Where(r => r.OffenderManager == caller.Id),
        HubRoles.Police when caller.Force is { } force =>
            people.Where(r => r.PoliceForce == force),
        HubRoles.VictimLiaison when caller.VictimLiaisonUnit is { } unit =>
            people.Where(r => r.VictimLiaisonUnits.Contains(unit)),
        HubRoles.MappaCoordinator when caller.MappaArea is { } area =>
            people.Where(r => r.MappaArea == area),
        _ => people.Where(_ => false), // auditors, administrators, machine clients and anyone without their scope claim
    };
}
