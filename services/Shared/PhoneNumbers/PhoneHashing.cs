using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PublicProtectionHub.PhoneNumbers;

/// <summary>
/// The phone-number hashing keys every service that shares hashes reads the same way:
/// <c>PhoneHashing:Keys:{version}</c> holds a key of at least 32 bytes as hex, and
/// <c>PhoneHashing:CurrentKeyVersion</c> names the one new hashes are made with. A rotation adds a
/// version and makes it current; the old one stays until every hash made with it has been replaced.
/// </summary>
public static class PhoneHashing
{
    public const string Section = "PhoneHashing";

    public static IServiceCollection AddPhoneNumberHasher(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(_ => FromConfiguration(configuration.GetSection(Section)));

    public static PhoneNumberHasher FromConfiguration(IConfigurationSection section)
    {
        var (keys, current) = VersionedKeys.Read(section);
        return new PhoneNumberHasher(keys, current);
    }
}
