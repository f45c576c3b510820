using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace PublicProtectionHub.Access;

/// <summary>
/// Change tracking for lists of strings (risk registrations, victim liaison units, orders) that calls plain methods.
/// EF Core 10's own comparer for them holds nested lambdas, so its compiled form creates a delegate on every comparison
/// and every snapshot; a CPU profile of case-record applying HMPPS events (a person has four such lists, compared at
/// each change detection) showed those delegates being made.
/// </summary>
public sealed class StringListComparer() : ValueComparer<List<string>>((a, b) => Same(a, b), list => HashOf(list), list => Copy(list))
{
    public static bool Same(List<string>? a, List<string>? b) => a is null ? b is null : b is not null && a.SequenceEqual(b);

    public static int HashOf(List<string> list)
    {
        var hash = new HashCode();
        foreach (var item in list) hash.Add(item);
        return hash.ToHashCode();
    }

    public static List<string> Copy(List<string> list) => [.. list];
}

public static class StringListComparers
{
    /// <summary>Last in <c>OnModelCreating</c>: every list-of-strings property configured so far compares with <see cref="StringListComparer"/>.</summary>
    public static ModelBuilder UseStringListComparers(this ModelBuilder model)
    {
        foreach (var property in model.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()).Where(p => p.ClrType == typeof(List<string>)))
            property.SetValueComparer(new StringListComparer());
        return model;
    }
}
