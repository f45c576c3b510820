namespace PublicProtectionHub.CaseRecord.Register;

/// <summary>Victim liaison units are responsible for a person through the open victim contact cases about them.</summary>
public static class VictimContactCases
{
    /// <returns>Whether the person's responsibilities changed.</returns>
    public static bool OpenVictimContactCase(this Person person, Guid caseId, string unit, string? previousUnit)
    {
        var before = person.Responsibilities.VictimLiaisonUnits.ToList();
        person.VictimContactCases = [.. person.VictimContactCases.Where(c => !c.StartsWith($"{caseId}:", StringComparison.Ordinal)), $"{caseId}:{unit}"];
        person.Flags.VictimContact = true;
        var units = person.Responsibilities.VictimLiaisonUnits.Where(u => u != previousUnit || HasCase(person, u));
        person.Responsibilities.VictimLiaisonUnits = [.. units.Append(unit).Distinct()];
        return !before.SequenceEqual(person.Responsibilities.VictimLiaisonUnits);
    }

    /// <returns>Whether the person's responsibilities changed.</returns>
    public static bool CloseVictimContactCase(this Person person, Guid caseId)
    {
        var closing = person.VictimContactCases.FirstOrDefault(c => c.StartsWith($"{caseId}:", StringComparison.Ordinal));
        if (closing is null) return false;
        person.VictimContactCases = [.. person.VictimContactCases.Where(c => c != closing)];
        person.Flags.VictimContact = person.VictimContactCases.Count > 0;
        var unit = closing[(closing.IndexOf(':') + 1)..];
        if (HasCase(person, unit) || !person.Responsibilities.VictimLiaisonUnits.Contains(unit)) return false;
        person.Responsibilities.VictimLiaisonUnits = [.. person.Responsibilities.VictimLiaisonUnits.Where(u => u != unit)];
        return true;
    }

    private static bool HasCase(Person person, string unit) => person.VictimContactCases.Any(c => c.EndsWith($":{unit}", StringComparison.Ordinal));
}
