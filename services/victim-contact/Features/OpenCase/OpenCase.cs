using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.VictimContact.Cases;
using PublicProtectionHub.VictimContact.Data;
using PublicProtectionHub.VictimContact.Deadlines;
using PublicProtectionHub.VictimContact.Eligibility;

namespace PublicProtectionHub.VictimContact.Features.OpenCase;

/// <summary>
/// <c>POST /api/victim-contact/cases</c>: a victim liaison officer opens a case on a referral, about an offender the hub
/// knows (<c>person</c>: NOMS number or CRN), with the offence code and the sentence. The case is allocated to the
/// officer's own unit; statutory eligibility and the working-day deadlines are worked out here, not given.
/// Publishes <c>VictimContactCaseAllocated</c>.
/// </summary>
public static class OpenCase
{
    public const string Purpose = "open a victim contact case on a referral";

    /// <param name="Person">The offender: NOMS number (e.g. A1234BC) or CRN (e.g. X123456).</param>
    /// <param name="OffenceCode">The index offence's code (see <c>Reference/specified-offences.json</c> for the specified ones).</param>
    /// <param name="Sentence">custodial (with custodialMonths), hospital-order, community or suspended, and the date sentenced.</param>
    /// <param name="ReferredOn">The date the case was referred to the unit; today if left out.</param>
    public sealed record OpenCaseRequest(string? Person, string? OffenceCode, SentenceRequest? Sentence, DateOnly? ReferredOn);

    public sealed record SentenceRequest(string? Kind, int? CustodialMonths, DateOnly? SentencedOn);

    public static RouteGroupBuilder MapOpenCase(this RouteGroupBuilder api)
    {
        api.MapPost("/cases", HandleAsync).WithSummary("Open a victim contact case, allocated to your unit");
        return api;
    }

    public static async Task<Results<Created<CaseView>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        OpenCaseRequest request, HttpContext http, VictimContactDbContext db, StatutoryEligibility eligibility, WorkingDays workingDays,
        AuditLog audit, TimeProvider time)
    {
        var caller = Caller.From(http.User);
        if (!CaseAccess.IsVictimLiaison(caller)) return CaseAccess.VictimLiaisonOnly();
        var today = LondonDate.Today(time);
        var errors = Validate(request, today);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var ct = http.RequestAborted;
        var identifier = request.Person!;
        var person = await db.Set<Responsibility>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.NomsNumber == identifier || r.Crn == identifier, ct);
        if (person is null)
        {
            await audit.SaveAsync(http.AuditRecord(AuditAction.AccessDenied, [identifier], Purpose, AuditOutcome.Denied), ct);
            return PersonNotFound.Problem();
        }

        var sentence = new Sentence(request.Sentence!.Kind!, request.Sentence.CustodialMonths);
        var decision = eligibility.Decide(request.OffenceCode!, sentence);
        var sentencedOn = request.Sentence.SentencedOn!.Value;
        var referredOn = request.ReferredOn ?? today;
        var now = time.GetUtcNow();
        var opened = new VictimContactCase
        {
            Id = Guid.CreateVersion7(), NomsNumber = person.NomsNumber, Crn = person.Crn, VictimLiaisonUnit = caller.VictimLiaisonUnit!,
            OffenceCode = request.OffenceCode!.Trim().ToUpperInvariant(), SentenceKind = sentence.Kind, CustodialMonths = sentence.CustodialMonths,
            SentencedOn = sentencedOn, ReferredOn = referredOn, Statutory = decision.Statutory, EligibilityReason = decision.Reason,
            ReferralDue = workingDays.Add(sentencedOn, WorkingDays.ReferralWithin),
            FirstContactDue = workingDays.Add(referredOn, WorkingDays.FirstContactWithin),
            OpenedBy = caller.Id, OpenedAt = now,
        };
        db.Cases.Add(opened);
        db.Allocated(opened, previousUnit: null, now);
        await audit.SaveAsync(http.AuditRecord(AuditAction.Collection, [CaseAccess.Record(opened.Id), person.PersonKey], Purpose), ct);
        return TypedResults.Created($"/api/{Extensions.ServiceName}/cases/{opened.Id}", CaseView.Of(opened, today));
    }

    private static Dictionary<string, string[]> Validate(OpenCaseRequest request, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (!PersonIdentifier.IsValid(request.Person)) errors["person"] = ["A NOMS number (e.g. A1234BC) or a CRN (e.g. X123456)."];
        if (string.IsNullOrWhiteSpace(request.OffenceCode) || request.OffenceCode.Trim().Length > 20)
            errors["offenceCode"] = ["Required: an offence code of at most 20 characters."];
        if (request.Sentence is not { } sentence) errors["sentence"] = ["Required."];
        else
        {
            if (sentence.Kind is null || !Sentence.Kinds.Contains(sentence.Kind))
                errors["sentence.kind"] = [$"One of: {string.Join(", ", Sentence.Kinds.Order())}."];
            else if (sentence.Kind == Sentence.Custodial && sentence.CustodialMonths is not (> 0 and <= 1200))
                errors["sentence.custodialMonths"] = ["Required for a custodial sentence: its length in months (a life sentence: 1200)."];
            else if (sentence.Kind != Sentence.Custodial && sentence.CustodialMonths is not null)
                errors["sentence.custodialMonths"] = ["Only for a custodial sentence."];
            if (sentence.SentencedOn is not { } on) errors["sentence.sentencedOn"] = ["Required."];
            else if (on > today) errors["sentence.sentencedOn"] = ["Cannot be in the future."];
            else if (request.ReferredOn < on) errors["referredOn"] = ["Cannot be before the sentence."];
        }

        if (request.ReferredOn > today) errors["referredOn"] = ["Cannot be in the future."];
        return errors;
    }
}
