using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.Access;
using PublicProtectionHub.Audit;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Timeline;
using PublicProtectionHub.CaseRecord.Feeds;
using PublicProtectionHub.ServiceDefaults;

namespace PublicProtectionHub.CaseRecord.Features.GetIntelligenceFeed;

/// <summary>
/// <c>GET /api/case-record/feeds/intelligence?after=…&amp;limit=…</c>: the caller's force's feed, oldest first, for the
/// <c>police</c> role and the <c>police-intelligence</c> client (each scoped by its <c>force</c> claim). Pass the page's
/// <c>next</c> as <c>after</c> to continue; an empty page keeps <c>next</c> where it was, so polling resumes from there.
/// </summary>
public static class GetIntelligenceFeed
{
    public const string Policy = "police-intelligence-feed";
    public const string ClientId = "police-intelligence";
    public const string Purpose = "police intelligence feed of the force's area";
    public const int MaxLimit = 500;

    public sealed record FeedPage(IReadOnlyList<FeedEnvelope> Items, long Next);

    public static void AddIntelligenceFeedPolicy(this IServiceCollection services) =>
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.RequireAuthenticatedUser().RequireAssertion(c =>
            c.User.HasClaim(HubClaims.Role, HubRoles.Police) || c.User.HasClaim(HubClaims.ClientId, ClientId)));

    public static void MapGetIntelligenceFeed(this WebApplication app, string serviceName) =>
        app.MapGet($"/api/{serviceName}/feeds/intelligence", HandleAsync)
            .RequireAuthorization(Policy)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    public static async Task<Results<Ok<FeedPage>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        long? after, int? limit, HttpContext http, CaseRecordDbContext db, AuditLog audit)
    {
        var errors = new Dictionary<string, string[]>();
        if (after is < 0) errors["after"] = ["The 'next' of the previous page, or 0 for the beginning."];
        if (limit is < 1 or > MaxLimit) errors["limit"] = [$"From 1 to {MaxLimit}."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var caller = Caller.From(http.User);
        if (caller.Force is not { } force)
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "No force.",
                detail: "The intelligence feed is scoped to a police force, and the caller has none.");

        var settled = await db.SettledUpToAsync(http.RequestAborted);
        var items = await db.ForForce(force, after ?? 0, settled).Take(limit ?? 100).ToListAsync(http.RequestAborted);
        await audit.SaveAsync(http.AuditRecord(AuditAction.Disclosure,
            [.. items.Select(i => i.PersonReference.Identifiers[0].Value).Distinct()], Purpose,
            recipients: [caller.ClientId ?? caller.Id]), http.RequestAborted);
        return TypedResults.Ok(new FeedPage(items, items.Count > 0 ? items[^1].AdditionalInformation.EntryId : after ?? 0));
    }
}
