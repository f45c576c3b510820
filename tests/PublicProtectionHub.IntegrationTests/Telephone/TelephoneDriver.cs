using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Duende.IdentityModel.Client;
using PublicProtectionHub.Contracts;
using PublicProtectionHub.Contracts.VictimContact;
using PublicProtectionHub.IntegrationTests.Pipeline;
using PublicProtectionHub.PhoneNumbers;
using PublicProtectionHub.Testing;

namespace PublicProtectionHub.IntegrationTests.Telephone;

/// <summary>
/// What the telephone monitoring tests do to the stack: publish victim contact's order events onto the bus (as its
/// outbox would), post call records as the PIN phone provider, and read the service's own database.
/// </summary>
public sealed class TelephoneDriver(HubStack stack)
{
    public const string Service = "telephone-monitoring";
    public const string Provider = "pin-phone-provider";
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static int _next = 100;

    public PhoneNumberHasher Hasher { get; } = new(new Dictionary<int, byte[]> { [1] = Convert.FromHexString(stack.PhoneHashKey) }, 1);

    /// <summary>A number in Ofcom's drama range no other test uses.</summary>
    public static string NewNumber() => $"07700 900{Interlocked.Increment(ref _next):000}";

    public static string NewCallId() => $"test-{Guid.NewGuid():N}";

    public static object Call(string callId, string noms, string number, DateTimeOffset startedAt, string outcome = "connected", string prison = "EXI", int duration = 60) =>
        new { callId, nomsNumber = noms, prisonId = prison, dialledNumber = number, startedAt, durationSeconds = duration, outcome };

    public async Task<ProhibitedContactOrderIssued> IssueOrderAsync(
        string noms, IReadOnlyList<ProhibitedNumberHash> numbers, string kind = "licence-condition-no-contact", DateTimeOffset? validFrom = null)
    {
        var order = new ProhibitedContactOrderIssued(Guid.NewGuid(), $"PCO-{Guid.NewGuid():N}"[..16], new PersonReference(noms, null), kind,
            ["phone"], numbers, validFrom ?? DateTimeOffset.UtcNow.AddDays(-30), null, "No contact by phone.", DateTimeOffset.UtcNow,
            Classification.OfficialSensitive);
        await TestBus.PublishAsync(stack, order);
        await Eventually.Until(() => WatchedCountAsync(order.OrderId), n => n == numbers.Count, Patience, "the order's numbers on the watchlist");
        return order;
    }

    public Task<ProhibitedContactOrderIssued> IssueOrderAsync(string noms, string number, string kind = "licence-condition-no-contact") =>
        IssueOrderAsync(noms, [Hash(number)], kind);

    public ProhibitedNumberHash Hash(string number, PhoneNumberHasher? hasher = null)
    {
        var hash = (hasher ?? Hasher).TryHash(number) ?? throw new ArgumentException("Not a number.", nameof(number));
        return new ProhibitedNumberHash(hash.Hash, hash.KeyVersion);
    }

    public Task<long> WatchedCountAsync(Guid orderId) =>
        stack.ScalarAsync<long>(Service, $"SELECT count(*) FROM watchlist.watched_numbers WHERE \"OrderId\" = '{orderId}'");

    public Task<long> EndedCountAsync(Guid orderId) =>
        stack.ScalarAsync<long>(Service, $"SELECT count(*) FROM watchlist.watched_numbers WHERE \"OrderId\" = '{orderId}' AND \"ActiveUntil\" IS NOT NULL");

    public async Task<(HttpResponseMessage Response, JsonElement Body)> PostCallsAsync(string content, string mediaType = "application/json", Uri? service = null)
    {
        using var http = stack.NewClient(service);
        http.SetBearerToken(await stack.Tokens.ForClientAsync(Provider));
        var response = await http.PostAsync($"/api/{Service}/call-records", new StringContent(content, Encoding.UTF8, mediaType));
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }

    public async Task<JsonElement> PostCallsOkAsync(IEnumerable<object> calls, Uri? service = null)
    {
        var (response, body) = await PostCallsAsync(JsonSerializer.Serialize(calls), service: service);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return body;
    }

    public async Task<HttpResponseMessage> ScreenAsync(string noms, string number, Uri? service = null)
    {
        using var http = stack.NewClient(service);
        http.SetBearerToken(await stack.Tokens.ForClientAsync(Provider));
        return await http.GetAsync($"/api/{Service}/screening?noms={noms}&number={Uri.EscapeDataString(number)}");
    }

    public async Task<HttpResponseMessage> SendAsync(string user, HttpMethod method, string path, object? body = null)
    {
        using var http = stack.NewClient();
        http.SetBearerToken(await stack.Tokens.ForUserAsync(user));
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>The alerts' (id, count, severity, connected) for a person and number, oldest first.</summary>
    public async Task<List<(Guid AlertId, int CallCount, string Severity, bool Connected)>> AlertsAsync(string noms, string number)
    {
        var hash = Hasher.TryHash(number)!.Hash;
        var alerts = new List<(Guid, int, string, bool)>();
        await using var db = new Npgsql.NpgsqlConnection(stack.Databases[Service]);
        await db.OpenAsync();
        await using var query = new Npgsql.NpgsqlCommand(
            "SELECT \"AlertId\", \"CallCount\", \"Severity\", \"Connected\" FROM alerts.alerts WHERE \"PersonKey\" = @p AND \"NumberHash\" = @h ORDER BY \"FirstCallAt\"", db);
        query.Parameters.AddWithValue("p", noms);
        query.Parameters.AddWithValue("h", hash);
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync()) alerts.Add((reader.GetGuid(0), reader.GetInt32(1), reader.GetString(2), reader.GetBoolean(3)));
        return alerts;
    }

    /// <summary>The call counts of the alert events written to the outbox for an alert, in the order they were written.</summary>
    public async Task<List<int>> PublishedCountsAsync(Guid alertId)
    {
        var counts = new List<int>();
        await using var db = new Npgsql.NpgsqlConnection(stack.Databases[Service]);
        await db.OpenAsync();
        await using var query = new Npgsql.NpgsqlCommand(
            "SELECT (body->>'callCount')::int FROM messaging.outbox_messages WHERE body->>'alertId' = @a ORDER BY sequence", db);
        query.Parameters.AddWithValue("a", alertId.ToString());
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync()) counts.Add(reader.GetInt32(0));
        return counts;
    }

    public Task<long> OutboxCountAsync(string typeName, string field, string value) =>
        stack.ScalarAsync<long>(Service,
            $"SELECT count(*) FROM messaging.outbox_messages WHERE message_type LIKE '%.{typeName},%' AND body->>'{field}' = '{value}'");

    public Task<long> AuditCountAsync(string where) => stack.ScalarAsync<long>(Service, $"SELECT count(*) FROM audit.entries WHERE {where}");
}
