using System.Security.Claims;
using PublicProtectionHub.ServiceDefaults;

namespace PublicProtectionHub.Audit;

public static class AuditActorFactory
{
    /// <summary>The actor as named in the access token: user (or client) id, role, agency and client.</summary>
    public static AuditActor ToAuditActor(this ClaimsPrincipal user)
    {
        var role = user.FindFirstValue(HubClaims.Role) ?? "none";
        var subject = user.FindFirstValue(HubClaims.PreferredUserName)
                      ?? user.FindFirstValue(HubClaims.Subject)
                      ?? "anonymous";
        return new AuditActor(subject, role, HubRoles.AgencyOf(role), user.FindFirstValue(HubClaims.ClientId));
    }
}
