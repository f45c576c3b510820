using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace PublicProtectionHub.PhoneNumbers;

/// <summary>
/// Phone numbers as people write them (07700 900123, +44 (0)7700 900123, 0044 7700-900-123...)
/// brought to one E.164 form, so that an order's prohibited number and a prison call record's
/// dialled number match however each was typed. Numbers without a country code are read as UK.
/// </summary>
public static partial class PhoneNumber
{
    private const string DefaultRegion = "GB";
    private static readonly PhoneNumberUtil Numbers = PhoneNumberUtil.GetInstance();

    /// <summary>The E.164 form of a valid number; false (never an exception) for anything else.</summary>
    public static bool TryNormalise(string? input, [NotNullWhen(true)] out string? e164)
    {
        e164 = null;
        if (string.IsNullOrWhiteSpace(input) || input.Length > 64) return false;
        try
        {
            var parsed = Numbers.Parse(input.Trim(), DefaultRegion);
            var formatted = Numbers.Format(parsed, PhoneNumberFormat.E164);
            if (!Numbers.IsValidNumber(parsed) && !OfcomDramaNumber().IsMatch(formatted)) return false;
            e164 = formatted;
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>
    /// Ofcom's ranges reserved for drama and examples (07700 900xxx, 01632 960xxx, 020 7946 0xxx,
    /// 0113–0191 496 0xxx): never anyone's real number, so the demo data and tests use them, but
    /// libphonenumber calls them unallocated.
    /// </summary>
    [GeneratedRegex(@"^\+44(7700900\d{3}|1632960\d{3}|2079460\d{3}|1[1-9]14960\d{3})$")]
    private static partial Regex OfcomDramaNumber();
}
