using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PublicProtectionHub.Identity.Keys;

public enum CertificateUse
{
    Signing,
    Encryption,
}

/// <summary>
/// Persistent token signing and encryption certificates. Those listed in configuration
/// (<c>Identity:SigningCertificates:n:Path|Password</c>, likewise <c>EncryptionCertificates</c>)
/// are used when present; otherwise every <c>*.pfx</c> in <c>{Hub:StateDir}/identity/signing</c>
/// (or <c>encryption</c>) is loaded, and one is created there when none is valid. Dropping a
/// newer PFX beside the old one rotates: OpenIddict signs with the valid certificate that expires
/// last (the newest, when lifetimes are equal) and publishes all of them in the JWKS.
/// </summary>
internal static class ServerCertificates
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(2 * 365);

    public static IReadOnlyList<X509Certificate2> Load(
        IConfiguration configuration, string contentRoot, string stateDir, CertificateUse use)
    {
        var configured = configuration.GetSection($"Identity:{use}Certificates").GetChildren()
            .Where(c => !string.IsNullOrWhiteSpace(c["Path"]))
            .Select(c => LoadPfx(Path.Combine(contentRoot, c["Path"]!), c["Password"]))
            .ToList();
        if (configured.Count > 0)
            return NewestFirst(configured);

        var folder = Path.Combine(stateDir, "identity", use.ToString().ToLowerInvariant());
        var stored = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.pfx").Select(p => LoadPfx(p, password: null)).ToList()
            : [];
        foreach (var expired in stored.Where(c => c.NotAfter <= DateTime.Now).ToList())
        {
            stored.Remove(expired);
            expired.Dispose();
        }

        if (stored.Count == 0)
            stored.Add(Create(folder, use));
        return NewestFirst(stored);
    }

    private static List<X509Certificate2> NewestFirst(IEnumerable<X509Certificate2> certificates) =>
        certificates.OrderByDescending(c => c.NotBefore).ToList();

    private static X509Certificate2 LoadPfx(string path, string? password) =>
        X509CertificateLoader.LoadPkcs12FromFile(path, password,
            OperatingSystem.IsMacOS() ? X509KeyStorageFlags.DefaultKeySet : X509KeyStorageFlags.EphemeralKeySet);

    private static X509Certificate2 Create(string folder, CertificateUse use)
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest(
            $"CN=Public Protection Hub identity {use.ToString().ToLowerInvariant()}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            use == CertificateUse.Signing ? X509KeyUsageFlags.DigitalSignature : X509KeyUsageFlags.KeyEncipherment, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.Add(Lifetime));
        var pfx = certificate.Export(X509ContentType.Pfx);

        // The private key is written without a password, so only the service's own user may read it.
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(folder);
        else
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var path = Path.Combine(folder, $"{now:yyyyMMddHHmmss}.pfx");
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileOptionsFor(FileMode.CreateNew)))
            file.Write(pfx);
        File.Move(temporary, path);
        return LoadPfx(path, password: null);
    }

    private static FileStreamOptions FileOptionsFor(FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return options;
    }
}
