using System.Security.Cryptography;
using System.Text;
using PublicProtectionHub.VictimContact.Encryption;

namespace PublicProtectionHub.UnitTests.VictimContact;

public sealed class PersonalDataProtectorTests
{
    private static readonly byte[] Key1 = RandomNumberGenerator.GetBytes(32), Key2 = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void A_value_round_trips_and_is_not_readable_at_rest()
    {
        var protector = new PersonalDataProtector(new Dictionary<int, byte[]> { [1] = Key1 }, 1);
        var row = Guid.NewGuid();
        var stored = protector.Encrypt("Claire Notreal", row, "Name")!;
        Assert.DoesNotContain("Notreal", Encoding.UTF8.GetString(stored));
        Assert.Equal("Claire Notreal", protector.Decrypt(stored, row, "Name", 1));
        Assert.NotEqual(stored, protector.Encrypt("Claire Notreal", row, "Name"));
    }

    [Fact]
    public void A_value_moved_to_another_row_or_column_does_not_decrypt()
    {
        var protector = new PersonalDataProtector(new Dictionary<int, byte[]> { [1] = Key1 }, 1);
        var row = Guid.NewGuid();
        var stored = protector.Encrypt("07700 900123", row, "PhoneNumbers")!;
        Assert.ThrowsAny<CryptographicException>(() => protector.Decrypt(stored, Guid.NewGuid(), "PhoneNumbers", 1));
        Assert.ThrowsAny<CryptographicException>(() => protector.Decrypt(stored, row, "Email", 1));
    }

    [Fact]
    public void After_a_rotation_old_rows_still_decrypt_with_their_version_and_new_ones_use_the_new_key()
    {
        var before = new PersonalDataProtector(new Dictionary<int, byte[]> { [1] = Key1 }, 1);
        var after = new PersonalDataProtector(new Dictionary<int, byte[]> { [1] = Key1, [2] = Key2 }, 2);
        var row = Guid.NewGuid();
        var old = before.Encrypt("old", row, "Name")!;
        Assert.Equal("old", after.Decrypt(old, row, "Name", 1));
        Assert.Equal(2, after.CurrentVersion);
        Assert.ThrowsAny<CryptographicException>(() => after.Decrypt(after.Encrypt("new", row, "Name"), row, "Name", 1));
    }
}
