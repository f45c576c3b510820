using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace PublicProtectionHub.CaseRecord.Data;

public static class Batches
{
    /// <summary>
    /// Several statements sent in one round trip, in the context's open transaction. Under read committed each statement
    /// sees what was committed when it started, so a read after a lock in the same batch sees everything its holder wrote.
    /// </summary>
    public static NpgsqlBatch BatchInTransaction(this CaseRecordDbContext db) =>
        db.Database.CurrentTransaction is { } transaction
            ? new((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)transaction.GetDbTransaction())
            : throw new InvalidOperationException("Locks held until commit need a transaction.");

    /// <summary>Runs the batch and reads the first column of result <paramref name="index"/>'s first row (default when it has none).</summary>
    public static async Task<T?> ValueOfResultAsync<T>(this NpgsqlBatch batch, int index, CancellationToken ct)
    {
        await using var reader = await batch.ExecuteReaderAsync(ct);
        for (var i = 0; i < index; i++) await reader.NextResultAsync(ct);
        return await reader.ReadAsync(ct) ? reader.GetFieldValue<T>(0) : default;
    }

    public static NpgsqlBatchCommand Statement(string sql, params object?[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in parameters) command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        return command;
    }
}
