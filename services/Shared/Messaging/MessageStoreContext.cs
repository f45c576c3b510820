using Microsoft.EntityFrameworkCore;

namespace PublicProtectionHub.Messaging;

/// <summary>The service's own DbContext, as seen by the shared inbox: the scope's instance, so the consumer's changes share its transaction.</summary>
public sealed class MessageStoreContext(DbContext context)
{
    public DbContext Context { get; } = context;
}
