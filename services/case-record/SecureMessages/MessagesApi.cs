using PublicProtectionHub.CaseRecord.Features.GetMessageThread;
using PublicProtectionHub.CaseRecord.Features.ListMessageThreads;
using PublicProtectionHub.CaseRecord.Features.ReadMessageThread;
using PublicProtectionHub.CaseRecord.Features.SendMessage;
using PublicProtectionHub.CaseRecord.Push;

namespace PublicProtectionHub.CaseRecord.SecureMessages;

/// <summary><c>/api/case-record/messages</c>: secure messages between practitioners about a person. Auditors and administrators have none (403).</summary>
public static class MessagesApi
{
    public static RouteGroupBuilder MapSecureMessages(this RouteGroupBuilder api)
    {
        var messages = api.MapGroup("/messages").RequireAuthorization(InboxApi.PractitionerPolicy).WithTags("Secure messages");
        messages.MapListMessageThreads().MapSendMessage().MapGetMessageThread().MapReadMessageThread();
        return api;
    }
}
