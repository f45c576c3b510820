using System.Text.RegularExpressions;

namespace PublicProtectionHub.Access;

/// <summary>NOMS numbers (prison, e.g. A1234BC) and CRNs (probation, e.g. X123456).</summary>
public static partial class PersonIdentifier
{
    public static bool IsNomsNumber(string? value) => value is not null && Noms().IsMatch(value);

    public static bool IsCrn(string? value) => value is not null && Crn().IsMatch(value);

    public static bool IsValid(string? value) => IsNomsNumber(value) || IsCrn(value);

    [GeneratedRegex("^[A-Z][0-9]{4}[A-Z]{2}$")]
    private static partial Regex Noms();

    [GeneratedRegex("^[A-Z][0-9]{6}$")]
    private static partial Regex Crn();
}
