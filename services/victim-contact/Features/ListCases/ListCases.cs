using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.VictimContact.Cases;
using PublicProtectionHub.VictimContact.Data;

namespace PublicProtectionHub.VictimContact.Features.ListCases;

/// <summary>
/// <c>GET /api/victim-contact/cases?open=true&amp;person=A1234BC</c>: the cases allocated to the caller's unit, newest
/// first, open ones only unless <c>open=false</c>. Victim liaison officers only.
/// </summary>
public static class ListCases
{
    public const string Purpose = "review the unit's victim contact cases";
    private const int Limit = 200;

    public static RouteGroupBuilder MapListCases(this RouteGroupBuilder api)
    {
        api.MapGet("/cases", HandleAsync).WithSummary("Your unit's victim contact cases");
        return api;
    }

    public static async Task<Results<Ok<IReadOnlyList<CaseView>>, ProblemHttpResult>> HandleAsync(
        HttpContext http, VictimContactDbContext db, AuditLog audit, TimeProvider time, bool? open, string? person)
    {
        var caller = Caller.From(http.User);
        if (!CaseAccess.IsVictimLiaison(caller)) return CaseAccess.VictimLiaisonOnly();
        var query = db.Cases.AsNoTracking().Include(c => c.Victims).Where(c => c.VictimLiaisonUnit == caller.VictimLiaisonUnit);
        if (open ?? true) query = query.Where(c => c.ClosedAt == null);
        if (person is not null) query = query.Where(c => c.NomsNumber == person || c.Crn == person);
        var found = await query.OrderByDescending(c => c.OpenedAt).Take(Limit).ToListAsync(http.RequestAborted);
        await audit.SaveAsync(http.AuditRecord(AuditAction.Consultation, [.. found.Select(c => CaseAccess.Record(c.Id))], Purpose),
            http.RequestAborted);
        var today = LondonDate.Today(time);
        return TypedResults.Ok<IReadOnlyList<CaseView>>([.. found.Select(c => CaseView.Of(c, today))]);
    }
}
