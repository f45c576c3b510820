using MassTransit;
using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.CaseRecord.Register;
using PublicProtectionHub.Contracts;

namespace PublicProtectionHub.CaseRecord.Timeline.FromServices;

public static partial class PeopleByReference
{
    /// <summary>The registered person an event names, by NOMS number or CRN.</summary>
    public static Task<Person?> FindAsync(this IQueryable<Person> people, PersonReference reference, CancellationToken ct) =>
        people.Named(reference.NomsNumber, reference.Crn).FirstOrDefaultAsync(ct);

    /// <summary>The person a service's event is about; null (and logged, without the identifiers) when the register does not hold them.</summary>
    public static async Task<Person?> AboutAsync<T>(this IQueryable<Person> people, ConsumeContext<T> context, PersonReference reference, ILogger logger)
        where T : class
    {
        var person = await people.FindAsync(reference, context.CancellationToken);
        if (person is null) LogPersonNotRegistered(logger, typeof(T).Name, context.MessageId);
        return person;
    }

    [LoggerMessage(LogLevel.Warning, "{EventType} {MessageId} names a person the register does not hold; not put on any timeline")]
    private static partial void LogPersonNotRegistered(ILogger logger, string eventType, Guid? messageId);
}
