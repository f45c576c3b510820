using PublicProtectionHub.CaseRecord.Features.AcknowledgeInboxItem;
using PublicProtectionHub.CaseRecord.Features.ListInbox;
using PublicProtectionHub.CaseRecord.Features.ReadInboxItem;
using PublicProtectionHub.CaseRecord.Features.StreamInbox;
using PublicProtectionHub.ServiceDefaults;

namespace PublicProtectionHub.CaseRecord.Push;

/// <summary><c>/api/case-record/inbox</c>: a practitioner's own pushed items. Auditors and administrators have no inbox (403).</summary>
public static class InboxApi
{
    public const string PractitionerPolicy = "practitioner";

    public static IServiceCollection AddInboxPolicy(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(PractitionerPolicy, p => p.RequireClaim(HubClaims.Role, HubRoles.Practitioners));
        return services;
    }

    public static RouteGroupBuilder MapInbox(this RouteGroupBuilder api)
    {
        var inbox = api.MapGroup("/inbox").RequireAuthorization(PractitionerPolicy);
        inbox.MapListInbox().MapReadInboxItem().MapAcknowledgeInboxItem().MapStreamInbox();
        return api;
    }
}
