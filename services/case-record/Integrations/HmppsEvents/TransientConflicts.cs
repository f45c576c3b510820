using Npgsql;

namespace PublicProtectionHub.CaseRecord.Integrations.HmppsEvents;

/// <summary>
/// PostgreSQL gave up a transaction to let another through — a deadlock (two events whose pushes reach overlapping
/// practitioners in different orders) or a serialization failure. Nothing of it was kept, so it can simply run again.
/// </summary>
public static class TransientConflicts
{
    public static bool Caused(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure })
                return true;
        return false;
    }
}
