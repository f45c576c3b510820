using System.Security.Cryptography;
using System.Text;
using PublicProtectionHub.PhoneNumbers;

namespace PublicProtectionHub.UnitTests.PhoneNumbers;

public sealed class PhoneNumberTests
{
    // One UK mobile number (an Ofcom drama-range number) as people and prison phone systems write it.
    private static readonly string[] WrittenForms =
    [
        "07700 900123", "07700900123", "+44 7700 900123", "+447700900123", "0044 7700 900123", "+44 (0)7700 900123",
        "(07700) 900123", "07700-900-123", "07700.900.123", "+44-7700-900123", " 07700 900 123 ", "tel:+44-7700-900123",
    ];

    public static TheoryData<string> OneMobileWrittenTwelveWays => new(WrittenForms);

    public static TheoryData<string?> NotPhoneNumbers => new()
    {
        null, "", "   ", "12345", "07700 90012", "07700 9001234567", "not a number", "+44 1234", "999", "0000 000 0000",
        "+999 123456789", new string('7', 80),
    };

    [Theory]
    [MemberData(nameof(OneMobileWrittenTwelveWays))]
    public void Every_written_form_of_a_number_normalises_to_the_same_E164(string written)
    {
        Assert.True(PhoneNumber.TryNormalise(written, out var e164));
        Assert.Equal("+447700900123", e164);
    }

    [Fact]
    public void A_number_with_another_country_code_keeps_it()
    {
        Assert.True(PhoneNumber.TryNormalise("+353 85 123 4567", out var irish));
        Assert.StartsWith("+353", irish, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(NotPhoneNumbers))]
    public void Anything_that_is_not_a_valid_number_is_refused_without_an_exception(string? input)
    {
        Assert.False(PhoneNumber.TryNormalise(input, out var e164));
        Assert.Null(e164);
    }

    [Fact]
    public void Every_written_form_hashes_alike_and_the_hash_is_HMAC_SHA256_of_the_E164_form_under_the_current_key()
    {
        var keys = Keys(1, 2);
        var hasher = new PhoneNumberHasher(keys, currentVersion: 2);

        var hashes = WrittenForms.Select(hasher.TryHash).ToList();

        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(keys[2], Encoding.UTF8.GetBytes("+447700900123")));
        Assert.All(hashes, h => Assert.Equal(new KeyedPhoneHash(expected, 2), h));
    }

    [Fact]
    public void A_number_hashed_under_an_older_key_still_matches_through_the_hashes_under_every_key()
    {
        var keys = Keys(1, 2);
        var beforeRotation = new PhoneNumberHasher(keys, currentVersion: 1).TryHash("07700 900123")!;
        var afterRotation = new PhoneNumberHasher(keys, currentVersion: 2);

        Assert.NotEqual(beforeRotation, afterRotation.TryHash("07700 900123"));
        Assert.Contains(beforeRotation, afterRotation.HashUnderEveryKey("+44 7700 900123"));
        Assert.DoesNotContain(beforeRotation, afterRotation.HashUnderEveryKey("07700 900124"));
    }

    [Fact]
    public void A_different_number_or_an_invalid_one_does_not_hash_alike()
    {
        var hasher = new PhoneNumberHasher(Keys(1), currentVersion: 1);
        Assert.NotEqual(hasher.TryHash("07700 900123"), hasher.TryHash("07700 900124"));
        Assert.Null(hasher.TryHash("12345"));
        Assert.Empty(hasher.HashUnderEveryKey("12345"));
    }

    [Fact]
    public void Short_keys_and_a_missing_current_key_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new PhoneNumberHasher(new Dictionary<int, byte[]> { [1] = new byte[16] }, 1));
        Assert.Throws<ArgumentException>(() => new PhoneNumberHasher(Keys(1), currentVersion: 2));
    }

    private static Dictionary<int, byte[]> Keys(params int[] versions) =>
        versions.ToDictionary(v => v, _ => RandomNumberGenerator.GetBytes(32));
}
