using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace PublicProtectionHub.CaseRecord.Integrations.HmppsEvents.Detail;

/// <summary>
/// GETs an event's <c>detailUrl</c> with the HMPPS API token, only on an allowed origin, without following redirects.
/// Logs say which origin and what status, never the path (it names the person) or the body.
/// </summary>
public sealed partial class HmppsDetailClient(HttpClient http, HmppsApiToken token, IOptions<HmppsDetailOptions> options,
    ILogger<HmppsDetailClient> logger)
{
    public const int MaxDetailBytes = 256 * 1024;

    /// <summary>The detail, or null when the API has none for this URL (404).</summary>
    /// <exception cref="HmppsDetailUnavailableException">No answer in time, a refused token, or any other status.</exception>
    public async Task<JsonDocument?> GetAsync(Uri url, CancellationToken ct)
    {
        if (options.Value.AllowedUrl(url.ToString()) is null)
            throw new InvalidOperationException("Only an allowed detail URL is fetched.");
        var origin = HmppsDetailOptions.OriginOf(url.ToString())!;
        var bearer = await token.GetAsync(ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                LogNotFound(origin);
                return null;
            }

            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) token.Forget(bearer);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                LogUnavailable(origin, ((int)response.StatusCode).ToString());
                throw new HmppsDetailUnavailableException($"{origin} answered {(int)response.StatusCode}");
            }

            return JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(ct));
        }
        catch (Exception e) when (IsTransportFailure(e, ct) || e is JsonException)
        {
            LogUnavailable(origin, e.GetType().Name);
            throw new HmppsDetailUnavailableException($"{origin} gave no usable answer ({e.GetType().Name})");
        }
    }

    /// <summary>Refused or reset connections, timeouts (not the caller giving up), bodies over the limit.</summary>
    internal static bool IsTransportFailure(Exception e, CancellationToken ct) =>
        e is HttpRequestException or IOException || (e is OperationCanceledException && !ct.IsCancellationRequested);

    [LoggerMessage(LogLevel.Information, "HMPPS detail from {Origin}: none (404)")]
    private partial void LogNotFound(string origin);

    [LoggerMessage(LogLevel.Warning, "HMPPS detail from {Origin} unavailable ({Reason})")]
    private partial void LogUnavailable(string origin, string reason);
}

/// <summary>The detail could not be fetched now; sending the event again later may work. The message names no person.</summary>
public sealed class HmppsDetailUnavailableException(string reason) : Exception($"The HMPPS event's detail could not be fetched: {reason}.");
