using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.Contracts;
using PublicProtectionHub.Contracts.TelephoneMonitoring;
using PublicProtectionHub.Messaging.Outbox;
using PublicProtectionHub.ServiceDefaults;
using PublicProtectionHub.TelephoneMonitoring.Data;
using PublicProtectionHub.TelephoneMonitoring.Intelligence;

namespace PublicProtectionHub.TelephoneMonitoring.Features.RecordCallReview;

/// <summary>
/// <c>POST /api/telephone-monitoring/people/{identifier}/call-reviews</c>: a security analyst records the outcome of
/// reviewing one of the prisoner's calls: <c>no-concern</c>, or an <c>intelligence-report</c> graded on the 3x5x2 model
/// (source evaluation 1–3, intelligence assessment A–E, handling code P, or C with its conditions). A report whose
/// handling allows the police to have it (P, or C whose conditions permit it: <c>policeMayReceive</c>) is published as
/// <c>IntelligenceReportRecorded</c> for the police intelligence feed.
/// </summary>
public static partial class RecordCallReview
{
    public const string Purpose = "record the review of a prisoner's call and any intelligence from it";

    /// <param name="CallId">The provider's id of the call reviewed.</param>
    /// <param name="Outcome"><c>no-concern</c> or <c>intelligence-report</c>.</param>
    /// <param name="SourceEvaluation">1 reliable, 2 untested, 3 not reliable.</param>
    /// <param name="IntelligenceAssessment">A to E.</param>
    /// <param name="HandlingCode">P (lawful sharing permitted) or C (with conditions).</param>
    /// <param name="HandlingConditions">Required with C.</param>
    /// <param name="PoliceMayReceive">With C: whether its conditions allow the police to receive it.</param>
    /// <param name="Summary">The intelligence, for a report (at most 2000 characters).</param>
    public sealed record CallReviewRequest(
        string? CallId, string? Outcome, int? SourceEvaluation, string? IntelligenceAssessment, string? HandlingCode,
        string? HandlingConditions, bool? PoliceMayReceive, string? Summary);

    public sealed record CallReviewRecorded(Guid Id, string Outcome, bool SharedWithPolice);

    public static RouteGroupBuilder MapRecordCallReview(this RouteGroupBuilder api)
    {
        api.MapPost("/people/{identifier}/call-reviews", HandleAsync).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    public static async Task<Results<Created<CallReviewRecorded>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string identifier, CallReviewRequest? request, HttpContext http, PersonAccess people, AuditLog audit,
        TelephoneMonitoringDbContext db, TimeProvider time)
    {
        if (PersonInScope.BadIdentifier(identifier) is { } bad) return bad;
        if (await PersonInScope.FindAsync(http, people, audit, identifier, Purpose, [HubRoles.PrisonSecurity]) is not { } person)
            return PersonNotFound.Problem();

        var errors = Validate(request);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var call = await db.CallRecords.AsNoTracking()
            .FirstOrDefaultAsync(c => c.CallId == request!.CallId && c.NomsNumber == person.NomsNumber, http.RequestAborted);
        if (call is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such call.",
                detail: "This person has no call record with that id (call records are kept for a limited time).");

        var report = request!.Outcome == ReviewOutcomes.IntelligenceReport;
        var shared = report && (request.HandlingCode == "P" || request.PoliceMayReceive == true);
        var now = time.GetUtcNow();
        var review = new CallReview
        {
            Id = Guid.CreateVersion7(), CallId = call.CallId, PersonKey = call.NomsNumber, EstablishmentCode = call.PrisonId,
            Outcome = request.Outcome!, SourceEvaluation = report ? request.SourceEvaluation : null,
            IntelligenceAssessment = report ? request.IntelligenceAssessment : null, HandlingCode = report ? request.HandlingCode : null,
            HandlingConditions = report ? request.HandlingConditions?.Trim() : null, Summary = request.Summary?.Trim(), SharedWithPolice = shared,
            ReviewedBy = Caller.From(http.User).Id, ReviewedAt = now,
        };
        db.CallReviews.Add(review);
        if (shared)
        {
            var reference = new PersonReference(call.NomsNumber, person.Crn);
            db.AddOutboxMessage(new IntelligenceReportRecorded(
                review.Id, reference, review.EstablishmentCode, review.SourceEvaluation!.Value, review.IntelligenceAssessment!,
                review.HandlingCode!, review.HandlingConditions, review.Summary ?? "", now, Classification.OfficialSensitive), reference.StreamKey);
        }

        await audit.SaveAsync(http.AuditRecord(shared ? AuditAction.Disclosure : AuditAction.Collection, [person.PersonKey], Purpose,
            recipients: shared ? ["police-intelligence-feed"] : null), http.RequestAborted);
        return TypedResults.Created($"/api/{Extensions.ServiceName}/people/{identifier}/call-reviews/{review.Id}",
            new CallReviewRecorded(review.Id, review.Outcome, shared));
    }

    private static Dictionary<string, string[]> Validate(CallReviewRequest? r)
    {
        var errors = new Dictionary<string, string[]>();
        if (r?.CallId is not { Length: > 0 and <= 100 }) errors["callId"] = ["The provider's id of the call reviewed."];
        if (r?.Outcome is not (ReviewOutcomes.NoConcern or ReviewOutcomes.IntelligenceReport))
            errors["outcome"] = [$"{ReviewOutcomes.NoConcern} or {ReviewOutcomes.IntelligenceReport}."];
        if (r?.Summary is { Length: > 2000 }) errors["summary"] = ["At most 2000 characters."];
        if (r?.Outcome != ReviewOutcomes.IntelligenceReport) return errors;

        if (r.SourceEvaluation is not (>= 1 and <= 3)) errors["sourceEvaluation"] = ["1 (reliable), 2 (untested) or 3 (not reliable)."];
        if (r.IntelligenceAssessment is null || !Assessment().IsMatch(r.IntelligenceAssessment)) errors["intelligenceAssessment"] = ["A, B, C, D or E."];
        if (r.HandlingCode is not ("P" or "C")) errors["handlingCode"] = ["P (lawful sharing permitted) or C (sharing with conditions)."];
        if (r.HandlingCode == "C" && r.HandlingConditions is not { Length: > 0 and <= 1000 })
            errors["handlingConditions"] = ["The conditions, 1 to 1000 characters: required with handling code C."];
        if (r.HandlingCode == "C" && r.PoliceMayReceive is null)
            errors["policeMayReceive"] = ["With handling code C: whether its conditions allow the police to receive it."];
        if (string.IsNullOrWhiteSpace(r.Summary)) errors["summary"] = ["The intelligence: required for a report."];
        return errors;
    }

    [GeneratedRegex("^[A-E]$")]
    private static partial Regex Assessment();
}
