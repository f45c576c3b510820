using Microsoft.Extensions.Configuration;
using PublicProtectionHub.PhoneNumbers;

namespace PublicProtectionHub.UnitTests.PhoneNumbers;

public class PhoneHashingTests
{
    private static readonly string KeyOne = new('1', 64);
    private static readonly string KeyTwo = new('2', 64);

    private static PhoneNumberHasher From(params (string Key, string Value)[] settings) =>
        PhoneHashing.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build().GetSection(PhoneHashing.Section));

    [Fact]
    public void The_current_version_is_the_one_configured_and_every_key_is_held()
    {
        var hasher = From(("PhoneHashing:Keys:1", KeyOne), ("PhoneHashing:Keys:2", KeyTwo), ("PhoneHashing:CurrentKeyVersion", "1"));

        Assert.Equal(1, hasher.TryHash("07700 900123")!.KeyVersion);
        Assert.Equal([1, 2], hasher.HashUnderEveryKey("07700 900123").Select(h => h.KeyVersion));
    }

    [Fact]
    public void Without_a_current_version_the_newest_key_is_current()
    {
        var hasher = From(("PhoneHashing:Keys:1", KeyOne), ("PhoneHashing:Keys:2", KeyTwo));
        Assert.Equal(2, hasher.CurrentVersion);
    }

    [Theory]
    [InlineData("PhoneHashing:Keys:one")]
    [InlineData("PhoneHashing:Keys:1", "not hex at all")]
    [InlineData("PhoneHashing:CurrentKeyVersion", "1")]
    public void A_misconfiguration_stops_the_service_with_a_message_that_names_the_setting(string key, string value = "")
    {
        var settings = key == "PhoneHashing:Keys:one" ? new[] { (key, KeyOne) } : new[] { (key, value) };
        var error = Assert.ThrowsAny<Exception>(() => From(settings));
        Assert.Contains("PhoneHashing", error.Message + (error as ArgumentException)?.ParamName);
    }
}
