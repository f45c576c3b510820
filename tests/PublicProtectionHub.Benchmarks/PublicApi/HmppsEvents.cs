using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace PublicProtectionHub.Benchmarks.PublicApi;

/// <summary>
/// Posts HMPPS domain-event envelopes to <c>POST /api/case-record/integrations/hmpps-events</c> through the
/// gateway as the <c>hmpps-events</c> machine client. <c>occurredAt</c> is the moment of sending unless given,
/// so a replayed scenario is never taken for a replay or an older event.
/// </summary>
internal sealed class HmppsEvents(HttpClient http)
{
    public const string Path = "/api/case-record/integrations/hmpps-events";
    public const string ClientId = "hmpps-events";

    public static async Task<HmppsEvents> SignInAsync(Gateway gateway, DemoFile demo)
    {
        var token = await SignIn.ClientTokenAsync(gateway, ClientId, demo.ClientSecret(ClientId), "case-record");
        return new HmppsEvents(gateway.NewClient(TimeSpan.FromSeconds(30), token));
    }

    /// <summary>The envelope as JSON; identifiers are (type, value) pairs such as ("NOMS", "A1234BC").</summary>
    public static string Envelope(string eventType, object additionalInformation, IEnumerable<(string Type, string Value)> identifiers, DateTimeOffset occurredAt) =>
        JsonSerializer.Serialize(new
        {
            eventType,
            version = 1,
            occurredAt = occurredAt.ToString("O", CultureInfo.InvariantCulture),
            description = "Public Protection Hub demo and benchmarks",
            additionalInformation,
            personReference = new { identifiers = identifiers.Select(i => new { type = i.Type, value = i.Value }) },
        });

    /// <summary>Sends a prepared envelope; throws unless 202.</summary>
    public async Task PostAsync(string envelope, CancellationToken ct = default)
    {
        using var response = await http.PostAsync(Path, new StringContent(envelope, Encoding.UTF8, "application/json"), ct);
        if (response.StatusCode != HttpStatusCode.Accepted)
            throw new InvalidOperationException($"POST {Path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
    }

    public Task PostAsync(string eventType, object additionalInformation, params (string Type, string Value)[] identifiers) =>
        PostAsync(Envelope(eventType, additionalInformation, identifiers, DateTimeOffset.UtcNow));
}
