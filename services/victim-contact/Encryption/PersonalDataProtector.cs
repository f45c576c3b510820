using System.Security.Cryptography;
using System.Text;
using PublicProtectionHub.PhoneNumbers;

namespace PublicProtectionHub.VictimContact.Encryption;

/// <summary>
/// Column-level encryption of victims' personal details: AES-256-GCM with a random 96-bit nonce, the ciphertext
/// bound to its row and column (associated data), so a value copied to another row or column does not decrypt.
/// Keys come from <c>VictimContact:Encryption:Keys:{version}</c> (hex, 32 bytes) and new values use
/// <c>VictimContact:Encryption:CurrentKeyVersion</c>; rows keep the version they were written with.
/// Stored form: nonce (12) | tag (16) | ciphertext.
/// </summary>
public sealed class PersonalDataProtector
{
    public const string Section = "VictimContact:Encryption";
    private const int NonceSize = 12, TagSize = 16;
    private readonly IReadOnlyDictionary<int, byte[]> _keys;

    public PersonalDataProtector(IReadOnlyDictionary<int, byte[]> keys, int currentVersion)
    {
        if (!keys.TryGetValue(currentVersion, out _)) throw new ArgumentException($"No encryption key with version {currentVersion}.");
        if (keys.Any(k => k.Value.Length != 32)) throw new ArgumentException("Every encryption key must be 32 bytes (64 hex digits).");
        _keys = keys;
        CurrentVersion = currentVersion;
    }

    public int CurrentVersion { get; }

    public static PersonalDataProtector FromConfiguration(IConfiguration configuration)
    {
        var (keys, current) = VersionedKeys.Read(configuration.GetSection(Section));
        return new PersonalDataProtector(keys, current);
    }

    public byte[]? Encrypt(string? plaintext, Guid row, string column) =>
        plaintext is null ? null : Encrypt(plaintext, row, column, CurrentVersion);

    public byte[] Encrypt(string plaintext, Guid row, string column, int version)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + TagSize + plain.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[version], TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), AssociatedData(row, column));
        return output;
    }

    public string? Decrypt(byte[]? stored, Guid row, string column, int version)
    {
        if (stored is null) return null;
        if (!_keys.TryGetValue(version, out var key))
            throw new InvalidOperationException($"Encryption key version {version} is no longer configured.");
        var plain = new byte[stored.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(stored.AsSpan(0, NonceSize), stored.AsSpan(NonceSize + TagSize), stored.AsSpan(NonceSize, TagSize), plain,
            AssociatedData(row, column));
        return Encoding.UTF8.GetString(plain);
    }

    private static byte[] AssociatedData(Guid row, string column) => Encoding.UTF8.GetBytes($"{row:N}/{column}");
}
