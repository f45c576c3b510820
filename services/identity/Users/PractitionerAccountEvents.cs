using MassTransit;
using PublicProtectionHub.Contracts;
using PublicProtectionHub.Contracts.Identity;
using PublicProtectionHub.Identity.Access;
using PublicProtectionHub.Identity.Data;
using PublicProtectionHub.Messaging.Outbox;
using PublicProtectionHub.ServiceDefaults;

namespace PublicProtectionHub.Identity.Users;

/// <summary>
/// <see cref="PractitionerAccountChanged"/> for case-record's practitioner directory, queued in the
/// caller's transaction with the user name as stream. Auditors and administrators are not practitioners
/// and are never published.
/// </summary>
public static class PractitionerAccountEvents
{
    public static bool IsPractitioner(string? role) => role is not null && HubRoles.Practitioners.Contains(role);

    /// <summary>
    /// Queues the account's whole state. An account moved out of the practitioner roles is published
    /// once more, disabled, so the directory stops routing to it.
    /// </summary>
    public static void Add(IdentityDbContext db, HubUser user, IEnumerable<KeyValuePair<string, string>> claims, DateTimeOffset occurredAt)
    {
        var scopeClaims = claims.Where(c => ScopeClaims.All.Contains(c.Key))
            .ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        db.AddOutboxMessage(new PractitionerAccountChanged(
            user.UserName!, user.DisplayName, user.Role, scopeClaims,
            user.Disabled || !IsPractitioner(user.Role), occurredAt, Classification.Official), user.UserName!);
    }

    /// <summary>
    /// The event is published as mandatory: the broker returns it while no queue is bound (on a first start
    /// identity may seed before case-record has declared its queue) and the outbox retries it, rather than
    /// the broker dropping it.
    /// </summary>
    public static void PublishPractitionerAccountsMandatory(this IRabbitMqBusFactoryConfigurator bus) =>
        bus.ConfigurePublish(p => p.UseExecute(context =>
        {
            if (context is PublishContext<PractitionerAccountChanged>)
                context.Mandatory = true;
        }));
}
