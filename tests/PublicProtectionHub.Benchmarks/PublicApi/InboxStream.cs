using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace PublicProtectionHub.Benchmarks.PublicApi;

/// <summary>One inbox item as it arrived on a practitioner's stream; <see cref="ArrivedAt"/> is a <see cref="Stopwatch"/> timestamp.</summary>
internal sealed record Delivery(string UserName, long Id, JsonElement Item, long ArrivedAt, DateTime ArrivedLocal)
{
    public string Summary => Item.GetProperty("summary").GetString() ?? "";
    public string Priority => Item.GetProperty("priority").GetString() ?? "";
    public string InformationClass => Item.GetProperty("informationClass").GetString() ?? "";
    public string EventType => Item.GetProperty("eventType").GetString() ?? "";
    public string NomsNumber => Item.GetProperty("person").GetProperty("nomsNumber").GetString() ?? "";
}

/// <summary>
/// One open <c>GET /api/case-record/inbox/stream</c> through the gateway, read as a browser's EventSource
/// reads it. Each item is handed to <c>onDelivery</c> on the reading task as soon as its blank line is read.
/// </summary>
internal sealed class InboxStream : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly HttpResponseMessage _response;
    private readonly CancellationTokenSource _stop = new();
    private Task _reading = Task.CompletedTask;

    private InboxStream(string userName, HttpClient http, HttpResponseMessage response) =>
        (UserName, _http, _response) = (userName, http, response);

    public string UserName { get; }

    /// <summary>Set when the stream ended or failed while it was meant to be open.</summary>
    public string? Failure { get; private set; }

    /// <summary>Opens the stream and returns once the service's opening comment arrived: it is listening from then on.</summary>
    public static async Task<InboxStream> OpenAsync(Gateway gateway, string userName, string token, Action<Delivery> onDelivery)
    {
        var http = gateway.NewClient(Timeout.InfiniteTimeSpan, token);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/case-record/inbox/stream");
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            if (!response.IsSuccessStatusCode)
            {
                response.Dispose();
                throw new InvalidOperationException($"{userName}'s inbox stream answered {(int)response.StatusCode}.");
            }

            var stream = new InboxStream(userName, http, response);
            var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            using (var opening = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
                await reader.ReadLineAsync(opening.Token); // ": inbox stream"
            stream._reading = stream.ReadAsync(reader, onDelivery);
            return stream;
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    private async Task ReadAsync(StreamReader reader, Action<Delivery> onDelivery)
    {
        long? id = null;
        string? data = null;
        try
        {
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (data is not null && id is { } itemId)
                        onDelivery(new Delivery(UserName, itemId, JsonDocument.Parse(data).RootElement, Stopwatch.GetTimestamp(), DateTime.Now));
                    (id, data) = (null, null);
                    continue;
                }

                if (line[0] == ':') continue; // keep-alive
                var colon = line.IndexOf(':');
                var (field, value) = colon >= 0 ? (line[..colon], line[(colon + 1)..].TrimStart()) : (line, "");
                if (field == "id") id = long.Parse(value, CultureInfo.InvariantCulture);
                else if (field == "data") data = data is null ? value : data + "\n" + value;
            }

            Failure = "the stream ended";
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is IOException or HttpRequestException or JsonException)
        {
            Failure = e.Message;
        }
        finally
        {
            reader.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading;
        _response.Dispose();
        _http.Dispose();
        _stop.Dispose();
    }
}
