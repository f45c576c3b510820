using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PublicProtectionHub.IntegrationTests.Pipeline;

/// <summary>
/// The identity service's signing certificates in the middle of a rotation, placed in its state
/// folder before it starts: the old one (still valid, expiring sooner) and the new one it signs with.
/// </summary>
public sealed class SigningKeys : IDisposable
{
    public X509Certificate2 Old { get; }
    public X509Certificate2 New { get; }

    private SigningKeys(X509Certificate2 old, X509Certificate2 @new) => (Old, New) = (old, @new);

    public static SigningKeys CreateIn(string stateDir)
    {
        var folder = Directory.CreateDirectory(Path.Combine(stateDir, "identity", "signing")).FullName;
        var now = DateTimeOffset.UtcNow;
        return new SigningKeys(
            Create(Path.Combine(folder, "old.pfx"), now.AddDays(-300), now.AddDays(30)),
            Create(Path.Combine(folder, "new.pfx"), now.AddMinutes(-5), now.AddDays(730)));
    }

    /// <summary>A key the identity service never published.</summary>
    public static X509Certificate2 Stranger() => Create(null, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));

    public void Dispose()
    {
        Old.Dispose();
        New.Dispose();
    }

    private static X509Certificate2 Create(string? path, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Public Protection Hub identity signing (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        using var certificate = request.CreateSelfSigned(notBefore, notAfter);
        var pfx = certificate.Export(X509ContentType.Pfx);
        if (path is not null) File.WriteAllBytes(path, pfx);
        return X509CertificateLoader.LoadPkcs12(pfx, null, X509KeyStorageFlags.EphemeralKeySet | X509KeyStorageFlags.Exportable);
    }
}
