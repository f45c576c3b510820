using System.Security.Cryptography;
using System.Text;

namespace PublicProtectionHub.PhoneNumbers;

/// <summary>A phone number as it may be shared for matching: HMAC-SHA256 of its E.164 form, and the key version used.</summary>
public sealed record KeyedPhoneHash(string Hash, int KeyVersion);

/// <summary>
/// Keyed hashes of phone numbers. Victim contact hashes an order's prohibited numbers with the
/// current key; telephone monitoring hashes a dialled number with every key still held, so
/// orders hashed before a key rotation keep matching until they are re-hashed.
/// </summary>
public sealed class PhoneNumberHasher
{
    public const int MinimumKeyBytes = 32;
    private readonly IReadOnlyDictionary<int, byte[]> _keys;

    public PhoneNumberHasher(IReadOnlyDictionary<int, byte[]> keys, int currentVersion)
    {
        if (!keys.ContainsKey(currentVersion))
            throw new ArgumentException($"No key with version {currentVersion}.", nameof(currentVersion));
        if (keys.FirstOrDefault(k => k.Value.Length < MinimumKeyBytes) is { Value: not null } weak)
            throw new ArgumentException($"Key version {weak.Key} is shorter than {MinimumKeyBytes} bytes.", nameof(keys));
        _keys = keys;
        CurrentVersion = currentVersion;
    }

    public int CurrentVersion { get; }

    /// <summary>The hash under the current key of a number given in any written form; null if it is not a valid number.</summary>
    public KeyedPhoneHash? TryHash(string? number) =>
        PhoneNumber.TryNormalise(number, out var e164) ? HashE164(e164, CurrentVersion) : null;

    /// <summary>The hashes of one number under every key held, for matching against hashes of any version.</summary>
    public IReadOnlyList<KeyedPhoneHash> HashUnderEveryKey(string? number) =>
        PhoneNumber.TryNormalise(number, out var e164)
            ? _keys.Keys.Order().Select(version => HashE164(e164, version)).ToList()
            : [];

    private KeyedPhoneHash HashE164(string e164, int version) =>
        new(Convert.ToHexStringLower(HMACSHA256.HashData(_keys[version], Encoding.UTF8.GetBytes(e164))), version);
}
