using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PublicProtectionHub.Audit;

/// <summary>
/// The hashes that link an entry to the one before it. A service's log is <see cref="Count"/> chains side by side, so
/// that writers on different chains do not wait for each other's commits; each entry belongs to one, and within a chain
/// the entries link in sequence order.
/// </summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";
    public const short Count = 8;

    public static string HashOf(AuditEntry e)
    {
        // Length-prefixed fields, so no two different entries can serialise alike.
        var text = new StringBuilder();
        void Add(string? value) => text.Append(CultureInfo.InvariantCulture, $"{value?.Length ?? -1}:{value}|");
        Add(e.PreviousHash);
        Add(e.Id.ToString("N"));
        Add(e.OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Add(e.Subject);
        Add(e.Role);
        Add(e.Agency);
        Add(e.ClientId);
        Add(e.Action.ToString());
        Add(string.Join('\u001f', e.Records));
        Add(e.Justification);
        Add(string.Join('\u001f', e.Recipients));
        Add(e.CorrelationId);
        Add(e.Outcome.ToString());
        Add(e.Operation);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The first entry (in sequence) whose link or content does not match, or null when every chain holds.</summary>
    public static long? FirstBreak(IEnumerable<AuditEntry> entriesInSequence)
    {
        var heads = new Dictionary<short, string>();
        foreach (var entry in entriesInSequence)
        {
            var previousHash = heads.GetValueOrDefault(entry.Chain, Genesis);
            if (entry.Chain is < 0 or >= Count || entry.PreviousHash != previousHash || entry.Hash != HashOf(entry)) return entry.Sequence;
            heads[entry.Chain] = entry.Hash;
        }

        return null;
    }
}
