using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.CaseRecord.Practitioners;
using PublicProtectionHub.CaseRecord.Register;
using PublicProtectionHub.CaseRecord.Timeline;
using PublicProtectionHub.ServiceDefaults;

namespace PublicProtectionHub.CaseRecord.Push;

/// <summary>A practitioner an entry goes to, with the scope they hold it in.</summary>
public sealed record Recipient(string UserName, string Role, string? Scope);

/// <summary>Who is responsible for a person now (ACCESS.md), read from the register rather than the access copy, which lags.</summary>
public static class Recipients
{
    public static async Task<IReadOnlyList<Recipient>> ResponsibleForAsync(
        this IQueryable<Practitioner> practitioners, Responsibilities r, InformationClass information, string? orderReference, CancellationToken ct)
    {
        var found = await practitioners.AsNoTracking().ResponsibleNow(r).OrderBy(p => p.UserName).ToListAsync(ct);
        return [.. found.Where(p => Entitlements.MayReceive(p.Role, information, orderReference is not null)).Select(ToRecipient)];
    }

    /// <summary>The enabled practitioners responsible for a person with these responsibilities, whatever the class of information.</summary>
    public static IQueryable<Practitioner> ResponsibleNow(this IQueryable<Practitioner> practitioners, Responsibilities r)
    {
        var prison = r.InCommunity ? null : r.EstablishmentCode;
        return practitioners.Where(p => !p.Disabled && (
            ((p.Role == HubRoles.PrisonSecurity || p.Role == HubRoles.OffenderSupervisor) && prison != null && p.Establishment == prison)
            || (p.Role == HubRoles.OffenderManager && r.OffenderManager != null && p.UserName == r.OffenderManager)
            || (p.Role == HubRoles.Police && r.PoliceForce != null && p.Force == r.PoliceForce)
            || (p.Role == HubRoles.VictimLiaison && p.VictimLiaisonUnit != null && r.VictimLiaisonUnits.Contains(p.VictimLiaisonUnit))
            || (p.Role == HubRoles.MappaCoordinator && r.MappaArea != null && p.MappaArea == r.MappaArea)));
    }

    /// <summary>Those of the person's responsible, entitled practitioners who have this role and scope (a unit, a prison).</summary>
    public static async Task<IReadOnlyList<Recipient>> ResponsibleInScopeAsync(this IQueryable<Practitioner> practitioners,
        Responsibilities r, InformationClass information, string role, string scope, CancellationToken ct) =>
        [.. (await practitioners.ResponsibleForAsync(r, information, null, ct)).Where(p => p.Role == role && p.Scope == scope)];

    /// <summary>The duty officers of a scope: for a prison, any prison role's duty officer there.</summary>
    public static async Task<IReadOnlyList<Recipient>> DutyOfficersAsync(
        this IQueryable<Practitioner> practitioners, string role, string? scope, CancellationToken ct)
    {
        if (scope is null) return [];
        var prisonRole = role is HubRoles.PrisonSecurity or HubRoles.OffenderSupervisor;
        var found = await practitioners.Where(p => p.Duty && !p.Disabled && (prisonRole
                ? (p.Role == HubRoles.PrisonSecurity || p.Role == HubRoles.OffenderSupervisor) && p.Establishment == scope
                : p.Role == role && (p.Force == scope || p.VictimLiaisonUnit == scope || p.MappaArea == scope || p.ProbationDeliveryUnit == scope)))
            .OrderBy(p => p.UserName)
            .ToListAsync(ct);
        return [.. found.Select(ToRecipient)];
    }

    /// <summary>Whose duty officer answers for a recipient: the prison for both prison roles, else the role's own unit.</summary>
    public static string DutyScopeOf(string role, string? scope) =>
        role is HubRoles.PrisonSecurity or HubRoles.OffenderSupervisor ? $"prison:{scope}" : $"{role}:{scope}";

    public static string? ScopeOf(Practitioner p) => p.Role switch
    {
        HubRoles.PrisonSecurity or HubRoles.OffenderSupervisor => p.Establishment,
        HubRoles.OffenderManager => p.ProbationDeliveryUnit,
        HubRoles.Police => p.Force,
        HubRoles.VictimLiaison => p.VictimLiaisonUnit,
        HubRoles.MappaCoordinator => p.MappaArea,
        _ => null,
    };

    public static Recipient ToRecipient(Practitioner p) => new(p.UserName, p.Role, ScopeOf(p));
}
