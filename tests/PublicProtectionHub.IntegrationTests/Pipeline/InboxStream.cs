using System.Net.Http.Headers;
using System.Text.Json;

namespace PublicProtectionHub.IntegrationTests.Pipeline;

/// <summary>One open <c>GET /api/case-record/inbox/stream</c>, read event by event as a browser's EventSource would.</summary>
public sealed class InboxStream : IAsyncDisposable
{
    public sealed record Event(long Id, string Name, JsonElement Data);

    private readonly HttpClient _http;
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private InboxStream(HttpClient http, HttpResponseMessage response, StreamReader reader) =>
        (_http, _response, _reader) = (http, response, reader);

    public static async Task<InboxStream> OpenAsync(HubStack stack, string token, long? lastEventId = null)
    {
        var http = stack.NewClient();
        http.Timeout = Timeout.InfiniteTimeSpan;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/case-record/inbox/stream");
        if (lastEventId is { } id) request.Headers.Add("Last-Event-ID", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var stream = new InboxStream(http, response, new StreamReader(await response.Content.ReadAsStreamAsync()));
        await stream.ReadLineAsync(TimeSpan.FromSeconds(10)); // the opening comment: the stream is listening from here on
        return stream;
    }

    public async Task<Event> NextAsync(TimeSpan timeout)
    {
        long? id = null;
        string? name = null, data = null;
        while (true)
        {
            var line = await ReadLineAsync(timeout) ?? throw new EndOfStreamException("The inbox stream ended.");
            if (line.Length == 0)
            {
                if (data is not null) return new Event(id ?? throw new InvalidDataException("An event without an id."), name ?? "message", JsonDocument.Parse(data).RootElement);
                continue;
            }

            if (line.StartsWith(':')) continue;
            var (field, value) = line.IndexOf(':') is var colon and >= 0 ? (line[..colon], line[(colon + 1)..].TrimStart()) : (line, "");
            switch (field)
            {
                case "id": id = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                case "event": name = value; break;
                case "data": data = data is null ? value : data + "\n" + value; break;
            }
        }
    }

    /// <summary>The next event about a given timeline entry's source, skipping items other tests' events delivered meanwhile.</summary>
    public async Task<Event> NextWhereAsync(Func<Event, bool> wanted, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var e = await NextAsync(timeout);
            if (wanted(e)) return e;
            deadline.Token.ThrowIfCancellationRequested();
        }
    }

    private async Task<string?> ReadLineAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        return await _reader.ReadLineAsync(cancel.Token);
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        _http.Dispose();
        return ValueTask.CompletedTask;
    }
}
