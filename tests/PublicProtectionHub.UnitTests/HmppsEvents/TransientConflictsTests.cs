using Npgsql;
using PublicProtectionHub.CaseRecord.Integrations.HmppsEvents;

namespace PublicProtectionHub.UnitTests.HmppsEvents;

public class TransientConflictsTests
{
    private static PostgresException Postgres(string sqlState) => new("test", "ERROR", "ERROR", sqlState);

    [Theory]
    [InlineData(PostgresErrorCodes.DeadlockDetected)]
    [InlineData(PostgresErrorCodes.SerializationFailure)]
    public void A_deadlock_or_serialization_failure_however_deeply_wrapped_is_run_again(string sqlState)
    {
        Assert.True(TransientConflicts.Caused(Postgres(sqlState)));
        Assert.True(TransientConflicts.Caused(new InvalidOperationException("audit", new Exception("save", Postgres(sqlState)))));
    }

    [Fact]
    public void Anything_else_is_not()
    {
        Assert.False(TransientConflicts.Caused(Postgres(PostgresErrorCodes.UniqueViolation)));
        Assert.False(TransientConflicts.Caused(new TimeoutException()));
        Assert.False(TransientConflicts.Caused(null));
    }
}
