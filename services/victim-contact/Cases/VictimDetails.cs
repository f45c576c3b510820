using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using PublicProtectionHub.PhoneNumbers;
using PublicProtectionHub.VictimContact.Encryption;

namespace PublicProtectionHub.VictimContact.Cases;

/// <summary>A victim's personal details as a VLO gives and reads them; at rest each is a ciphertext on <see cref="Victim"/>.</summary>
/// <param name="PhoneNumbers">Any written form; kept in E.164.</param>
/// <param name="PreferredContactMethod">phone, letter, email or visit.</param>
/// <param name="Needs">Needs such as an interpreter or large print.</param>
public sealed record VictimDetails(
    string? Name, string? Address, IReadOnlyList<string>? PhoneNumbers, string? Email, string? PreferredContactMethod, string? Needs)
{
    public static readonly IReadOnlySet<string> ContactMethods = new HashSet<string>(StringComparer.Ordinal) { "phone", "letter", "email", "visit" };

    /// <summary>Problems with the details; a message never repeats the value it is about.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 200) errors["name"] = ["Required: at most 200 characters."];
        if (Address is { Length: > 500 }) errors["address"] = ["At most 500 characters."];
        if (PhoneNumbers is { Count: > 10 }) errors["phoneNumbers"] = ["At most 10 numbers."];
        else if (PhoneNumbers?.Select((n, i) => (n, i)).Where(x => !PhoneNumber.TryNormalise(x.n, out _)).Select(x => x.i).ToList() is { Count: > 0 } bad)
            foreach (var i in bad) errors[$"phoneNumbers[{i}]"] = ["Not a valid phone number."];
        if (Email is not null && (Email.Length > 254 || !Email.Contains('@') || Email.Any(char.IsWhiteSpace)))
            errors["email"] = ["Not a valid e-mail address."];
        if (PreferredContactMethod is not null && !ContactMethods.Contains(PreferredContactMethod))
            errors["preferredContactMethod"] = [$"One of: {string.Join(", ", ContactMethods.Order())}."];
        if (Needs is { Length: > 500 }) errors["needs"] = ["At most 500 characters."];
        return errors;
    }

    /// <summary>Writes the details onto the victim, encrypted under the current key.</summary>
    public void WriteTo(Victim victim, PersonalDataProtector protector)
    {
        var numbers = (PhoneNumbers ?? []).Select(n => PhoneNumber.TryNormalise(n, out var e164) ? e164 : throw new ArgumentException("invalid number"))
            .Distinct().ToList();
        victim.KeyVersion = protector.CurrentVersion;
        victim.Name = protector.Encrypt(Name!.Trim(), victim.Id, nameof(Victim.Name));
        victim.Address = protector.Encrypt(Address?.Trim(), victim.Id, nameof(Victim.Address));
        victim.PhoneNumbers = protector.Encrypt(JsonSerializer.Serialize(numbers), victim.Id, nameof(Victim.PhoneNumbers));
        victim.Email = protector.Encrypt(Email?.Trim(), victim.Id, nameof(Victim.Email));
        victim.PreferredContactMethod = protector.Encrypt(PreferredContactMethod, victim.Id, nameof(Victim.PreferredContactMethod));
        victim.Needs = protector.Encrypt(Needs?.Trim(), victim.Id, nameof(Victim.Needs));
    }

    public static VictimDetails ReadFrom(Victim victim, PersonalDataProtector protector)
    {
        string? Read(byte[]? value, string column) => protector.Decrypt(value, victim.Id, column, victim.KeyVersion);
        var numbers = Read(victim.PhoneNumbers, nameof(Victim.PhoneNumbers)) is { } json
            ? JsonSerializer.Deserialize<List<string>>(json) ?? []
            : [];
        return new VictimDetails(
            Read(victim.Name, nameof(Victim.Name)), Read(victim.Address, nameof(Victim.Address)), numbers,
            Read(victim.Email, nameof(Victim.Email)), Read(victim.PreferredContactMethod, nameof(Victim.PreferredContactMethod)),
            Read(victim.Needs, nameof(Victim.Needs)));
    }

    public static void Erase(Victim victim, DateTimeOffset at)
    {
        victim.Name = victim.Address = victim.PhoneNumbers = victim.Email = victim.PreferredContactMethod = victim.Needs = null;
        victim.ErasedAt = at;
    }
}

/// <summary>A read of victims' personal details must say why: the <c>X-Justification</c> header is required, and audited.</summary>
public static class Justification
{
    public static ValidationProblem? Missing(HttpContext http) =>
        Access.HttpAudit.Justification(http) is null
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [Access.HttpAudit.JustificationHeader] = [$"Required to read a victim's details: why you need them (at most {Access.HttpAudit.MaxJustificationLength} characters)."],
            })
            : null;
}
