using Microsoft.AspNetCore.Http.HttpResults;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.VictimContact.Cases;
using PublicProtectionHub.VictimContact.Data;
using PublicProtectionHub.VictimContact.Encryption;

namespace PublicProtectionHub.VictimContact.Features.AddVictim;

/// <summary>
/// <c>POST /api/victim-contact/cases/{caseId}/victims</c>: the unit records a victim's personal details (encrypted at
/// rest) and whether they opt in to the scheme. The answer carries the victim's id only, never the details back.
/// </summary>
public static class AddVictim
{
    public const string Purpose = "record a victim's details for victim contact";

    public sealed record AddVictimRequest(
        string? Name, string? Address, IReadOnlyList<string>? PhoneNumbers, string? Email, string? PreferredContactMethod, string? Needs,
        bool? OptedIn);

    public sealed record VictimAdded(Guid Id, Guid CaseId, bool OptedIn);

    public static RouteGroupBuilder MapAddVictim(this RouteGroupBuilder api)
    {
        api.MapPost("/cases/{caseId}/victims", HandleAsync).WithSummary("Record a victim on a case allocated to your unit");
        return api;
    }

    public static async Task<Results<Created<VictimAdded>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid caseId, AddVictimRequest request, HttpContext http, CaseAccess cases, VictimContactDbContext db,
        PersonalDataProtector protector, AuditLog audit, TimeProvider time)
    {
        if (await cases.FindAsync(http, caseId, Purpose) is not { } found) return CaseAccess.NotFound();
        var details = new VictimDetails(request.Name, request.Address, request.PhoneNumbers, request.Email, request.PreferredContactMethod, request.Needs);
        var errors = details.Validate();
        if (request.OptedIn is null) errors["optedIn"] = ["Required: whether the victim opts in to the scheme."];
        if (!found.IsOpen) errors["caseId"] = ["The case is closed."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var now = time.GetUtcNow();
        var caller = Caller.From(http.User);
        var victim = new Victim { Id = Guid.CreateVersion7(), CaseId = found.Id, OptedIn = request.OptedIn!.Value, AddedAt = now };
        details.WriteTo(victim, protector);
        victim.OptInHistory.Add(new OptInChange { OptedIn = victim.OptedIn, ChangedAt = now, RecordedBy = caller.Id });
        db.Victims.Add(victim);
        await audit.SaveAsync(http.AuditRecord(AuditAction.Collection, [CaseAccess.Record(found.Id), CaseAccess.VictimRecord(victim.Id)], Purpose),
            http.RequestAborted);
        return TypedResults.Created($"/api/{Extensions.ServiceName}/cases/{found.Id}/victims/{victim.Id}",
            new VictimAdded(victim.Id, found.Id, victim.OptedIn));
    }
}
