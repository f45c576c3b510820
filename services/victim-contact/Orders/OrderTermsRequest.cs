using PublicProtectionHub.PhoneNumbers;
using PublicProtectionHub.VictimContact.Cases;

namespace PublicProtectionHub.VictimContact.Orders;

/// <summary>An order's terms as a VLO gives them, on issue and on variation (a variation gives the whole of the new terms).</summary>
/// <param name="Kind">licence-condition-no-contact, restraining-order, non-molestation-order, prison-contact-restriction or unwanted-prisoner-contact-request.</param>
/// <param name="ProtectedVictims">The case's victims the order protects, by id.</param>
/// <param name="ProtectedOthers">How many other protected people (e.g. named children), held by reference on the court's order.</param>
/// <param name="ProhibitedMeans">phone, letter, visit, email, social-media, third-party.</param>
/// <param name="ProhibitedNumbers">Phone numbers in any written form.</param>
public sealed record OrderTermsRequest(
    string? Reference, string? Kind, IReadOnlyList<Guid>? ProtectedVictims, int? ProtectedOthers, IReadOnlyList<string>? ProhibitedMeans,
    IReadOnlyList<string>? ProhibitedNumbers, IReadOnlyList<string>? ProhibitedAddresses, DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil)
{
    /// <summary>Problems with the terms; a message never repeats a number or an address.</summary>
    public Dictionary<string, string[]> Validate(VictimContactCase forCase, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (Kind is null || !OrderTerms.Kinds.Contains(Kind)) errors["kind"] = [$"One of: {string.Join(", ", OrderTerms.Kinds.Order())}."];
        if (ProhibitedMeans is not { Count: > 0 } means || means.Any(m => !OrderTerms.Means.Contains(m)))
            errors["prohibitedMeans"] = [$"At least one of: {string.Join(", ", OrderTerms.Means.Order())}."];
        if (ProtectedVictims?.Any(v => forCase.Victims.All(x => x.Id != v)) == true)
            errors["protectedVictims"] = ["Name victims of this case by their id."];
        if ((ProtectedVictims?.Count ?? 0) + (ProtectedOthers ?? 0) == 0 || ProtectedOthers is < 0 or > 20)
            errors["protectedVictims"] = ["The order protects at least one person: a victim of this case or another named person."];
        if (ProhibitedNumbers is { Count: > 20 }) errors["prohibitedNumbers"] = ["At most 20 numbers."];
        else if (ProhibitedNumbers?.Select((n, i) => (n, i)).Where(x => !PhoneNumber.TryNormalise(x.n, out _)).Select(x => x.i).ToList() is { Count: > 0 } bad)
            foreach (var i in bad) errors[$"prohibitedNumbers[{i}]"] = ["Not a valid phone number."];
        if (ProhibitedAddresses is { Count: > 10 } || ProhibitedAddresses?.Any(a => string.IsNullOrWhiteSpace(a) || a.Length > 500) == true)
            errors["prohibitedAddresses"] = ["At most 10 addresses of at most 500 characters each."];
        if (ValidFrom is null) errors["validFrom"] = ["Required."];
        else if (ValidUntil is { } until && (until <= ValidFrom || until <= now)) errors["validUntil"] = ["Must be after validFrom and in the future."];
        return errors;
    }

    public IReadOnlyList<string> NormalisedNumbers() =>
        [.. (ProhibitedNumbers ?? []).Select(n => PhoneNumber.TryNormalise(n, out var e164) ? e164 : throw new ArgumentException("invalid number")).Distinct()];
}
