using System.Net;
using System.Text.Json;
using PublicProtectionHub.Contracts;
using PublicProtectionHub.Contracts.VictimContact;
using PublicProtectionHub.IntegrationTests.Pipeline;
using PublicProtectionHub.PhoneNumbers;
using PublicProtectionHub.Testing;
using static PublicProtectionHub.IntegrationTests.Telephone.TelephoneDriver;

namespace PublicProtectionHub.IntegrationTests.Telephone;

/// <summary>The watchlist follows victim contact's orders: any written form matches, variations replace, ends stop matching, rotations keep matching.</summary>
[Collection(PipelineCollection.Name)]
public sealed class WatchlistTests(HubStack stack)
{
    private readonly TelephoneDriver _phone = new(stack);
    private const string Prisoner = "A1234BC";

    [Fact]
    public async Task Ten_formats_of_one_number_match_one_watchlist_entry()
    {
        var digits = NewNumber().Replace(" ", "")[1..]; // 7700900xxx
        var order = await _phone.IssueOrderAsync(Prisoner, $"0{digits}");
        string[] formats =
        [
            $"0{digits}", $"0{digits[..4]} {digits[4..]}", $"+44{digits}", $"+44 {digits[..4]} {digits[4..]}", $"+44 (0){digits[..4]} {digits[4..]}",
            $"0044 {digits[..4]} {digits[4..]}", $"0044{digits}", $"(0{digits[..4]}) {digits[4..7]}-{digits[7..]}", $"+44-{digits[..4]}-{digits[4..7]}-{digits[7..]}",
            $"0{digits[..4]}.{digits[4..7]}.{digits[7..]}",
        ];
        Assert.Equal(10, formats.Distinct().Count());

        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        var body = await _phone.PostCallsOkAsync(formats.Select((f, i) => Call(NewCallId(), Prisoner, f, start.AddMinutes(i), "unanswered")));

        Assert.Equal(10, body.GetProperty("accepted").GetInt32());
        Assert.Equal(10, body.GetProperty("matched").GetInt32());
        Assert.Empty(body.GetProperty("rejected").EnumerateArray());
        var alert = Assert.Single(await _phone.AlertsAsync(Prisoner, $"0{digits}"));
        Assert.Equal(10, alert.CallCount);
        Assert.Equal(1L, await _phone.WatchedCountAsync(order.OrderId));
        Assert.DoesNotContain(digits, body.ToString());
    }

    [Fact]
    public async Task Revoked_and_expired_orders_stop_matching_and_screening_allows_again()
    {
        string revokedNumber = NewNumber(), expiredNumber = NewNumber();
        var revoked = await _phone.IssueOrderAsync(Prisoner, revokedNumber);
        var expired = await _phone.IssueOrderAsync(Prisoner, expiredNumber);
        var before = await _phone.PostCallsOkAsync([
            Call(NewCallId(), Prisoner, revokedNumber, DateTimeOffset.UtcNow.AddMinutes(-5)),
            Call(NewCallId(), Prisoner, expiredNumber, DateTimeOffset.UtcNow.AddMinutes(-5)),
        ]);
        Assert.Equal(2, before.GetProperty("matched").GetInt32());

        await TestBus.PublishAsync(stack, new ProhibitedContactOrderRevoked(revoked.OrderId, revoked.OrderReference, revoked.Person,
            "Revoked by the court.", DateTimeOffset.UtcNow, Classification.OfficialSensitive));
        await TestBus.PublishAsync(stack, new ProhibitedContactOrderExpired(expired.OrderId, expired.OrderReference, expired.Person,
            DateTimeOffset.UtcNow, Classification.OfficialSensitive));
        await Eventually.Until(() => _phone.EndedCountAsync(revoked.OrderId), n => n == 1, Patience, "the revoked order's number to end");
        await Eventually.Until(() => _phone.EndedCountAsync(expired.OrderId), n => n == 1, Patience, "the expired order's number to end");

        var after = await _phone.PostCallsOkAsync([
            Call(NewCallId(), Prisoner, revokedNumber, DateTimeOffset.UtcNow),
            Call(NewCallId(), Prisoner, expiredNumber, DateTimeOffset.UtcNow),
        ]);
        Assert.Equal(2, after.GetProperty("accepted").GetInt32());
        Assert.Equal(0, after.GetProperty("matched").GetInt32());
        foreach (var number in new[] { revokedNumber, expiredNumber })
        {
            using var screening = await _phone.ScreenAsync(Prisoner, number);
            Assert.Equal("allow", (await JsonDocument.ParseAsync(await screening.Content.ReadAsStreamAsync())).RootElement.GetProperty("decision").GetString());
        }
    }

    [Fact]
    public async Task A_variation_replaces_the_orders_numbers()
    {
        string oldNumber = NewNumber(), newNumber = NewNumber();
        var order = await _phone.IssueOrderAsync(Prisoner, oldNumber);
        await TestBus.PublishAsync(stack, new ProhibitedContactOrderVaried(order.OrderId, order.OrderReference, order.Person, order.Kind,
            order.ProhibitedMeans, [_phone.Hash(newNumber)], order.ValidFrom, null, "Number changed.", DateTimeOffset.UtcNow, Classification.OfficialSensitive));
        var newHash = _phone.Hash(newNumber).Hash;
        await Eventually.Until(() => stack.ScalarAsync<long>(Service,
                $"SELECT count(*) FROM watchlist.watched_numbers WHERE \"OrderId\" = '{order.OrderId}' AND \"Hash\" = '{newHash}'"),
            n => n == 1, Patience, "the varied number on the watchlist");

        var body = await _phone.PostCallsOkAsync([
            Call(NewCallId(), Prisoner, oldNumber, DateTimeOffset.UtcNow),
            Call(NewCallId(), Prisoner, newNumber, DateTimeOffset.UtcNow),
        ]);
        Assert.Equal(1, body.GetProperty("matched").GetInt32());
        Assert.Empty(await _phone.AlertsAsync(Prisoner, oldNumber));
        Assert.Single(await _phone.AlertsAsync(Prisoner, newNumber));
        Assert.Equal(1L, await _phone.WatchedCountAsync(order.OrderId));
    }

    [Fact]
    public async Task A_key_rotation_keeps_matching_throughout()
    {
        // The second instance holds the stack's key as version 1 and a new key 2, current: as after a rotation.
        var newKey = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var rotated = new PhoneNumberHasher(new Dictionary<int, byte[]>
        {
            [1] = Convert.FromHexString(stack.PhoneHashKey), [2] = Convert.FromHexString(newKey),
        }, 2);
        Uri? url = null;
        await using var instance = await stack.StartServiceAsync(Service, new Dictionary<string, string?>
        {
            ["PhoneHashing__Keys__2"] = newKey, ["PhoneHashing__CurrentKeyVersion"] = "2",
        }, u => url = u);

        var number = NewNumber();
        var order = await _phone.IssueOrderAsync(Prisoner, [_phone.Hash(number)]); // hashed under the old key

        var beforeRehash = await _phone.PostCallsOkAsync([Call(NewCallId(), Prisoner, number, DateTimeOffset.UtcNow.AddMinutes(-20))], url);
        Assert.Equal(1, beforeRehash.GetProperty("matched").GetInt32());

        // Victim contact re-hashes the order's numbers under the new key.
        var newHash = _phone.Hash(number, rotated);
        Assert.Equal(2, newHash.KeyVersion);
        await TestBus.PublishAsync(stack, new ProhibitedContactOrderVaried(order.OrderId, order.OrderReference, order.Person, order.Kind,
            order.ProhibitedMeans, [newHash], order.ValidFrom, null, "Re-hashed under key 2.", DateTimeOffset.UtcNow, Classification.OfficialSensitive));
        await Eventually.Until(() => stack.ScalarAsync<long>(Service,
                $"SELECT count(*) FROM watchlist.watched_numbers WHERE \"OrderId\" = '{order.OrderId}' AND \"KeyVersion\" = 2"),
            n => n == 1, Patience, "the re-hashed number on the watchlist");

        var afterRehash = await _phone.PostCallsOkAsync([Call(NewCallId(), Prisoner, number, DateTimeOffset.UtcNow.AddMinutes(-10))], url);
        Assert.Equal(1, afterRehash.GetProperty("matched").GetInt32());
        using var screening = await _phone.ScreenAsync(Prisoner, number, url);
        Assert.Equal(HttpStatusCode.OK, screening.StatusCode);
        Assert.Equal("block", (await JsonDocument.ParseAsync(await screening.Content.ReadAsStreamAsync())).RootElement.GetProperty("decision").GetString());
    }

    [Fact]
    public async Task A_number_of_concern_raises_alerts_without_being_blocked_and_only_security_may_enter_one()
    {
        var number = NewNumber();
        using var refused = await _phone.SendAsync("omu.exeter", HttpMethod.Post, $"/api/{Service}/people/{Prisoner}/numbers-of-concern",
            new { number, reason = "harassment", expiresAt = DateTimeOffset.UtcNow.AddDays(30) });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);

        using var recorded = await _phone.SendAsync("sec.exeter", HttpMethod.Post, $"/api/{Service}/people/{Prisoner}/numbers-of-concern",
            new { number, reason = "child-contact-restriction", expiresAt = DateTimeOffset.UtcNow.AddDays(30) });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var reference = JsonDocument.Parse(await recorded.Content.ReadAsStringAsync()).RootElement.GetProperty("reference").GetString();
        Assert.DoesNotContain(number.Replace(" ", "")[1..], await recorded.Content.ReadAsStringAsync());
        Assert.Equal(0L, await stack.ScalarAsync<long>(Service,
            $"SELECT count(*) FROM watchlist.numbers_of_concern c WHERE row_to_json(c)::text LIKE '%{number.Replace(" ", "")[5..]}%'"));

        using var listed = await _phone.SendAsync("sec.exeter", HttpMethod.Get, $"/api/{Service}/people/{Prisoner}/numbers-of-concern");
        var entry = JsonDocument.Parse(await listed.Content.ReadAsStringAsync()).RootElement.EnumerateArray()
            .Single(c => c.GetProperty("reference").GetString() == reference);
        Assert.Equal(("child-contact-restriction", "sec.exeter", true),
            (entry.GetProperty("reason").GetString(), entry.GetProperty("enteredBy").GetString(), entry.GetProperty("watched").GetBoolean()));
        Assert.DoesNotContain(number.Replace(" ", "")[5..], entry.ToString());

        var body = await _phone.PostCallsOkAsync([Call(NewCallId(), Prisoner, number, DateTimeOffset.UtcNow, "blocked")]);
        Assert.Equal(1, body.GetProperty("matched").GetInt32());
        var alert = Assert.Single(await _phone.AlertsAsync(Prisoner, number));
        Assert.Equal(("high", false), (alert.Severity, alert.Connected)); // child contact restriction, attempted

        // Watched, not blocked: a block would tell the caller the number is known.
        using var screening = await _phone.ScreenAsync(Prisoner, number);
        Assert.Equal("allow", JsonDocument.Parse(await screening.Content.ReadAsStringAsync()).RootElement.GetProperty("decision").GetString());
    }
}
