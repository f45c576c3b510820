using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.CaseRecord.Register;
using PublicProtectionHub.Contracts;

namespace PublicProtectionHub.CaseRecord.Timeline.FromServices;

public static partial class PeopleByReference
{
    /// <summary>The registered person an event names, by NOMS number or CRN.</summary>
    public static Task<Person?> FindAsync(this IQueryable<Person> people, PersonReference reference, CancellationToken ct) =>
        people.FirstOrDefaultAsync(p => (reference.NomsNumber != null && p.NomsNumber == reference.NomsNumber)
                                        || (reference.Crn != null && p.Crn == reference.Crn), ct);

    [LoggerMessage(LogLevel.Warning, "{EventType} {MessageId} names a person the register does not hold; not put on any timeline")]
    public static partial void LogPersonNotRegistered(this ILogger logger, string eventType, Guid? messageId);
}
