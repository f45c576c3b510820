using System.Text.Json;
using PublicProtectionHub.PhoneNumbers;
using PublicProtectionHub.TelephoneMonitoring.Alerts;
using PublicProtectionHub.TelephoneMonitoring.Calls;
using PublicProtectionHub.TelephoneMonitoring.Watchlist;

namespace PublicProtectionHub.UnitTests.TelephoneMonitoring;

public class CallRecordInputTests
{
    private static readonly PhoneNumberHasher Hasher = new(new Dictionary<int, byte[]> { [1] = new byte[32], [2] = Enumerable.Repeat((byte)7, 32).ToArray() }, 2);
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static JsonElement Record(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void A_valid_record_is_hashed_under_every_key_and_keeps_no_number()
    {
        var (call, errors) = CallRecordInput.Validate(1, Record("""
            {"callId":"c-1","nomsNumber":"A1234BC","prisonId":"EXI","dialledNumber":"+44 (0)7700 900123","startedAt":"2026-12-01T11:00:00+01:00","durationSeconds":30,"outcome":"connected"}
            """), Hasher, Now);

        Assert.Empty(errors);
        Assert.NotNull(call);
        Assert.Equal([1, 2], call.Hashes.Select(h => h.KeyVersion));
        Assert.Equal(2, call.Current.KeyVersion);
        Assert.Equal(Hasher.TryHash("07700900123"), call.Current);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), call.StartedAt);
        Assert.DoesNotContain("900123", call.ToString());
    }

    [Fact]
    public void Every_bad_field_is_named_and_no_value_is_repeated()
    {
        var (call, errors) = CallRecordInput.Validate(3, Record("""
            {"callId":"","nomsNumber":"nobody","prisonId":"Exeter","dialledNumber":"12","startedAt":"2026-12-02T12:00:00Z","durationSeconds":-1,"outcome":"hung-up"}
            """), Hasher, Now);

        Assert.Null(call);
        Assert.Equal(["callId", "dialledNumber", "durationSeconds", "nomsNumber", "outcome", "prisonId", "startedAt"], errors.Keys.Order());
        Assert.DoesNotContain(errors.Values.SelectMany(v => v), m => m.Contains("nobody") || m.Contains("hung-up") || m.Contains("Exeter"));
    }

    [Fact]
    public void A_field_of_the_wrong_type_is_named_by_its_path()
    {
        var (call, errors) = CallRecordInput.Validate(1, Record("""{"callId":"c","durationSeconds":"long"}"""), Hasher, Now);
        Assert.Null(call);
        Assert.Equal(["durationSeconds"], errors.Keys);
    }

    [Theory]
    [InlineData(false, false, "medium")]
    [InlineData(false, true, "high")]
    [InlineData(true, false, "high")]
    [InlineData(true, true, "critical")]
    public void Severity_rises_for_a_connected_call_and_for_a_child_contact_restriction(bool child, bool connected, string expected) =>
        Assert.Equal(expected, AlertSeverity.Of(child, connected));

    [Fact]
    public void An_order_stops_matching_at_the_earlier_of_its_end_of_validity_and_its_revocation()
    {
        var until = Now.AddDays(30);
        var order = new ProhibitedContactOrder { OrderReference = "O", PersonKey = "A1234BC", Kind = "child-contact-restriction", ValidUntil = until };
        Assert.Equal(until, order.ActiveUntil);
        order.EndedAt = Now;
        Assert.Equal(Now, order.ActiveUntil);
        Assert.True(order.RestrictsChildContact);

        var entry = new WatchedNumber { PersonKey = "A1234BC", Hash = "h", ActiveFrom = Now.AddDays(-1), ActiveUntil = order.ActiveUntil };
        Assert.True(entry.IsActiveAt(Now.AddSeconds(-1)));
        Assert.False(entry.IsActiveAt(Now));
    }
}
