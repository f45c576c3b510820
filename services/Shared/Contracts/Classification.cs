using System.Text.Json.Serialization;

namespace PublicProtectionHub.Contracts;

/// <summary>Government Security Classification marking carried by every event.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Classification>))]
public enum Classification
{
    [JsonStringEnumMemberName("OFFICIAL")] Official,
    [JsonStringEnumMemberName("OFFICIAL-SENSITIVE")] OfficialSensitive,
}
