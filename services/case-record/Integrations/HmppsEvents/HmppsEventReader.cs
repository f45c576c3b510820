using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using PublicProtectionHub.Access;

namespace PublicProtectionHub.CaseRecord.Integrations.HmppsEvents;

/// <summary>
/// Reads an HMPPS envelope from its raw bytes. Problems are reported by field name only, never with
/// the value (it may be personal data). What each event type requires is checked once its detail is in
/// (<see cref="Detail.HmppsEventDetails"/>), since <c>additionalInformation</c> may not carry it.
/// </summary>
public static partial class HmppsEventReader
{
    public static (HmppsEvent? Event, Dictionary<string, string[]> Errors) Read(byte[] body)
    {
        var errors = new Dictionary<string, string[]>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            errors["body"] = ["The body is not a JSON object."];
            return (null, errors);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors["body"] = ["The body is not a JSON object."];
                return (null, errors);
            }

            var eventType = Text(root, "eventType");
            if (eventType is null || !EventTypePattern().IsMatch(eventType)) errors["eventType"] = ["Required: a dotted event type name."];

            DateTimeOffset occurredAt = default;
            if (Text(root, "occurredAt") is not { } at
                || !DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out occurredAt))
                errors["occurredAt"] = ["Required: an ISO 8601 date and time."];

            int? version = root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;
            var person = Identifiers(root, errors);
            var details = Details(root, errors);
            if (errors.Count > 0) return (null, errors);

            return (new HmppsEvent(eventType!, version, occurredAt.ToUniversalTime(), Text(root, "detailUrl"), person!, details!,
                Convert.ToHexStringLower(SHA256.HashData(body))), errors);
        }
    }

    private static PersonIdentifiers? Identifiers(JsonElement root, Dictionary<string, string[]> errors)
    {
        const string field = "personReference.identifiers";
        if (!root.TryGetProperty("personReference", out var reference) || reference.ValueKind != JsonValueKind.Object
            || !reference.TryGetProperty("identifiers", out var identifiers) || identifiers.ValueKind != JsonValueKind.Array
            || identifiers.GetArrayLength() == 0)
        {
            errors[field] = ["Required: at least one identifier {type, value}."];
            return null;
        }

        string? noms = null, crn = null, pnc = null;
        foreach (var identifier in identifiers.EnumerateArray())
        {
            var (type, value) = identifier.ValueKind == JsonValueKind.Object ? (Text(identifier, "type"), Text(identifier, "value")) : (null, null);
            if (type is null || value is null)
            {
                errors[field] = ["Each identifier needs a type and a value."];
                continue;
            }

            switch (type.ToUpperInvariant())
            {
                case "NOMS" when PersonIdentifier.IsNomsNumber(value) && (noms is null || noms == value): noms = value; break;
                case "NOMS": errors[$"{field}[NOMS]"] = ["A NOMS number is one letter, four digits and two letters (e.g. A1234BC)."]; break;
                case "CRN" when PersonIdentifier.IsCrn(value) && (crn is null || crn == value): crn = value; break;
                case "CRN": errors[$"{field}[CRN]"] = ["A CRN is one letter and six digits (e.g. X123456)."]; break;
                case "PNC" when value.Length <= 20: pnc = value; break;
                case "PNC": errors[$"{field}[PNC]"] = ["A PNC id has at most 20 characters."]; break;
            }
        }

        return new PersonIdentifiers(noms, crn, pnc);
    }

    private static AdditionalInformation? Details(JsonElement root, Dictionary<string, string[]> errors)
    {
        if (!root.TryGetProperty("additionalInformation", out var info) || info.ValueKind == JsonValueKind.Null)
            return new AdditionalInformation(null, null, null, null, null, null, null, null, null, null);
        if (info.ValueKind != JsonValueKind.Object)
        {
            errors["additionalInformation"] = ["Must be an object."];
            return null;
        }

        return new AdditionalInformation(
            Text(info, "nomsNumber"), Text(info, "reason"), Text(info, "prisonId"), Text(info, "staffUsername"), Text(info, "pdu"),
            Text(info, "registerTypeCode"), Text(info, "registrationLevelCode"), Text(info, "registrationCategoryCode"),
            Text(info, "firstName"), Text(info, "lastName"));
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text.Trim()
            : null;

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,199}$", RegexOptions.IgnoreCase)]
    private static partial Regex EventTypePattern();
}
