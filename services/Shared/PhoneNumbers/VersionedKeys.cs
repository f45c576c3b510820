using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace PublicProtectionHub.PhoneNumbers;

/// <summary>
/// Keys held by version in configuration, as the hub writes every key it rotates: <c>{section}:Keys:{version}</c> in hex and
/// <c>{section}:CurrentKeyVersion</c> (the newest when not given). A bad setting stops the service with its name.
/// </summary>
public static class VersionedKeys
{
    public static (Dictionary<int, byte[]> Keys, int CurrentVersion) Read(IConfigurationSection section)
    {
        var keys = new Dictionary<int, byte[]>();
        foreach (var key in section.GetSection("Keys").GetChildren())
        {
            if (!int.TryParse(key.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
                throw new InvalidOperationException($"{section.Path}:Keys:{key.Key} is not a key version number.");
            try { keys[version] = Convert.FromHexString(key.Value ?? ""); }
            catch (FormatException) { throw new InvalidOperationException($"{section.Path}:Keys:{version} is not hex."); }
        }

        if (keys.Count == 0) throw new InvalidOperationException($"No {section.Path}:Keys are configured.");
        return (keys, section.GetValue<int?>("CurrentKeyVersion") ?? keys.Keys.Max());
    }
}
