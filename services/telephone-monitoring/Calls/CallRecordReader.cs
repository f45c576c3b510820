using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace PublicProtectionHub.TelephoneMonitoring.Calls;

/// <summary>
/// Reads call records from a request body as they arrive, never the whole body at once: NDJSON (one record a line),
/// a JSON array of records, or one record. A line that is not JSON is reported by its position and the next is read;
/// an array that stops being JSON ends the reading there.
/// </summary>
public sealed class CallRecordReader
{
    public enum Shape { Single, Array, Lines }

    /// <summary>A record at its 1-based position, or why it could not be read.</summary>
    public sealed record Item(int Position, JsonElement? Element, string? Error, bool Fatal = false);

    private static readonly string[] LineTypes = ["application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines"];
    private readonly PipeReader _body;

    private CallRecordReader(PipeReader body, Shape shape)
    {
        _body = body;
        Kind = shape;
    }

    public Shape Kind { get; }

    /// <summary>The reader for the request, or null when the body is empty or does not start like JSON.</summary>
    public static async Task<CallRecordReader?> OpenAsync(HttpRequest request, CancellationToken ct)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is not null && LineTypes.Contains(mediaType)) return new CallRecordReader(request.BodyReader, Shape.Lines);

        var first = await PeekFirstByteAsync(request.BodyReader, ct);
        return first switch
        {
            (byte)'[' => new CallRecordReader(request.BodyReader, Shape.Array),
            (byte)'{' => new CallRecordReader(request.BodyReader, Shape.Single),
            _ => null,
        };
    }

    public IAsyncEnumerable<Item> ReadAsync(CancellationToken ct) => Kind switch
    {
        Shape.Lines => ReadLinesAsync(ct),
        Shape.Array => ReadArrayAsync(ct),
        _ => ReadSingleAsync(ct),
    };

    private async IAsyncEnumerable<Item> ReadLinesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        using var lines = new StreamReader(_body.AsStream(leaveOpen: true), Encoding.UTF8);
        var position = 0;
        while (await lines.ReadLineAsync(ct) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            position++;
            JsonElement? element = null;
            try { element = JsonSerializer.Deserialize<JsonElement>(line); }
            catch (JsonException) { }
            yield return element is { } e ? new Item(position, e, null) : new Item(position, null, "This line is not JSON.");
        }
    }

    private async IAsyncEnumerable<Item> ReadArrayAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var stream = _body.AsStream(leaveOpen: true);
        await using var records = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, cancellationToken: ct).GetAsyncEnumerator(ct);
        var position = 0;
        while (true)
        {
            bool more, broken = false;
            try { more = await records.MoveNextAsync(); }
            catch (JsonException)
            {
                more = false;
                broken = true;
            }

            if (broken) yield return new Item(position + 1, null, "The body stops being valid JSON here; nothing after it was read.", Fatal: true);
            if (!more) yield break;
            position++;
            yield return new Item(position, records.Current, null);
        }
    }

    private async IAsyncEnumerable<Item> ReadSingleAsync([EnumeratorCancellation] CancellationToken ct)
    {
        JsonElement? element = null;
        try { element = await JsonSerializer.DeserializeAsync<JsonElement>(_body.AsStream(leaveOpen: true), cancellationToken: ct); }
        catch (JsonException) { }
        yield return element is { } e ? new Item(1, e, null) : new Item(1, null, "The body is not valid JSON.", Fatal: true);
    }

    /// <summary>The first byte that is not white space, left unread; 0 for an empty body.</summary>
    private static async Task<byte> PeekFirstByteAsync(PipeReader body, CancellationToken ct)
    {
        while (true)
        {
            var read = await body.ReadAsync(ct);
            var buffer = read.Buffer;
            var reader = new SequenceReader<byte>(buffer);
            reader.AdvancePastAny((byte)' ', (byte)'\t', (byte)'\r', (byte)'\n');
            if (reader.TryPeek(out var first))
            {
                body.AdvanceTo(reader.Position, reader.Position);
                return first;
            }

            body.AdvanceTo(buffer.End);
            if (read.IsCompleted) return 0;
        }
    }
}
