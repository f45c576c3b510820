using System.Text.Json;

namespace PublicProtectionHub.VictimContact.Eligibility;

public sealed record Sentence(string Kind, int? CustodialMonths)
{
    public const string Custodial = "custodial", HospitalOrder = "hospital-order", Community = "community", Suspended = "suspended";
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal) { Custodial, HospitalOrder, Community, Suspended };
}

public sealed record EligibilityDecision(bool Statutory, string Reason);

/// <summary>
/// Statutory victim contact: a specified violent or sexual offence (the list in <c>specified-offences.json</c>) with a
/// custodial sentence of 12 months or more, or with a hospital order. Anything else may still be offered contact,
/// but not as of right.
/// </summary>
public sealed class StatutoryEligibility(IReadOnlyDictionary<string, string> specifiedOffences)
{
    public const int MinimumCustodialMonths = 12;

    public static StatutoryEligibility Load(string path)
    {
        using var file = File.OpenRead(path);
        var list = JsonSerializer.Deserialize<OffenceList>(file, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidDataException($"{path} holds no offences.");
        return new StatutoryEligibility(list.Offences.ToDictionary(o => o.Code, o => o.Category, StringComparer.OrdinalIgnoreCase));
    }

    public bool IsKnown(string offenceCode) => specifiedOffences.ContainsKey(offenceCode);

    public EligibilityDecision Decide(string offenceCode, Sentence sentence)
    {
        if (!specifiedOffences.TryGetValue(offenceCode, out var category))
            return new(false, "The offence is not a specified violent or sexual offence.");
        if (sentence.Kind == Sentence.HospitalOrder)
            return new(true, $"A specified {category} offence with a hospital order.");
        if (sentence.Kind == Sentence.Custodial && sentence.CustodialMonths >= MinimumCustodialMonths)
            return new(true, $"A specified {category} offence with a custodial sentence of {MinimumCustodialMonths} months or more.");
        return new(false, $"A specified {category} offence, but not with a custodial sentence of {MinimumCustodialMonths} months or more or a hospital order.");
    }

    private sealed record OffenceList(IReadOnlyList<Offence> Offences);

    private sealed record Offence(string Code, string Category, string Description);
}
