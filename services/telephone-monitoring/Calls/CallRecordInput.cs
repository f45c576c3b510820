using System.Text.Json;
using System.Text.RegularExpressions;
using PublicProtectionHub.Access;
using PublicProtectionHub.PhoneNumbers;
using PublicProtectionHub.ServiceDefaults;

namespace PublicProtectionHub.TelephoneMonitoring.Calls;

/// <summary>A call record as the provider sends it: every field may be missing or wrong.</summary>
public sealed record CallRecordBody(
    string? CallId, string? NomsNumber, string? PrisonId, string? DialledNumber, DateTimeOffset? StartedAt, int? DurationSeconds,
    string? Outcome);

/// <summary>A call record that passed validation, its dialled number hashed under every key held (and no longer in clear).</summary>
public sealed record ValidCall(
    int Position, string CallId, string NomsNumber, string PrisonId, IReadOnlyList<KeyedPhoneHash> Hashes, KeyedPhoneHash Current,
    DateTimeOffset StartedAt, int DurationSeconds, string Outcome)
{
    public bool Connected => Outcome == CallOutcomes.Connected;
}

/// <summary>Validates one call record. Errors name the field and what it must be, never the value sent.</summary>
public static partial class CallRecordInput
{
    private static readonly JsonSerializerOptions Json = JsonDefaults.Create();
    public const int MaxDurationSeconds = 24 * 60 * 60;
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    public static (ValidCall? Call, Dictionary<string, string[]> Errors) Validate(
        int position, JsonElement element, PhoneNumberHasher hasher, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors["record"] = ["A call record is a JSON object."];
            return (null, errors);
        }

        CallRecordBody body;
        try
        {
            body = element.Deserialize<CallRecordBody>(Json)!;
        }
        catch (JsonException e)
        {
            // The path names the field (e.g. $.durationSeconds); the message could hold the value, so it is not used.
            errors[FieldOf(e.Path)] = ["This field has the wrong type."];
            return (null, errors);
        }

        if (body.CallId is not { Length: > 0 and <= 100 } || !CallIdShape().IsMatch(body.CallId))
            errors["callId"] = ["The provider's call id: 1 to 100 letters, digits or - _ . : characters."];
        if (!PersonIdentifier.IsNomsNumber(body.NomsNumber)) errors["nomsNumber"] = ["A NOMS number, e.g. A1234BC."];
        if (body.PrisonId is null || !PrisonCode().IsMatch(body.PrisonId)) errors["prisonId"] = ["A prison code, e.g. EXI."];
        var hashes = hasher.HashUnderEveryKey(body.DialledNumber);
        if (hashes.Count == 0) errors["dialledNumber"] = ["A valid phone number, in any usual format."];
        if (body.StartedAt is not { } started) errors["startedAt"] = ["The UTC instant the call started, e.g. 2026-01-01T10:00:00Z."];
        else if (started > now + FutureTolerance) errors["startedAt"] = ["The call cannot start in the future."];
        if (body.DurationSeconds is not (>= 0 and <= MaxDurationSeconds)) errors["durationSeconds"] = [$"From 0 to {MaxDurationSeconds} seconds."];
        if (body.Outcome is null || !CallOutcomes.All.Contains(body.Outcome))
            errors["outcome"] = [$"One of: {string.Join(", ", CallOutcomes.All)}."];
        if (errors.Count > 0) return (null, errors);

        var current = hashes.Single(h => h.KeyVersion == hasher.CurrentVersion);
        return (new ValidCall(position, body.CallId!, body.NomsNumber!, body.PrisonId!, hashes, current, body.StartedAt!.Value.ToUniversalTime(),
            body.DurationSeconds!.Value, body.Outcome!), errors);
    }

    private static string FieldOf(string? path) =>
        path is { Length: > 2 } && path.StartsWith("$.", StringComparison.Ordinal) && FieldName().IsMatch(path[2..]) ? path[2..] : "record";

    [GeneratedRegex("^[A-Za-z0-9_.:-]+$")]
    private static partial Regex CallIdShape();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex PrisonCode();

    [GeneratedRegex("^[A-Za-z]{1,30}$")]
    private static partial Regex FieldName();
}
