using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace PublicProtectionHub.CaseRecord.Integrations.HmppsEvents.Detail;

/// <summary>
/// The access token for the HMPPS APIs: OAuth2 client credentials (client id and secret in the Basic header),
/// kept until shortly before it expires. One request at a time asks for a new one.
/// </summary>
public sealed class HmppsApiToken(IHttpClientFactory clients, IOptions<HmppsDetailOptions> options, TimeProvider time) : IDisposable
{
    public const string HttpClientName = "hmpps-auth";
    private static readonly TimeSpan RenewBeforeExpiry = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile CachedToken? _token;

    public async Task<string> GetAsync(CancellationToken ct)
    {
        if (_token is { } current && time.GetUtcNow() < current.RenewAt) return current.Value;
        await _gate.WaitAsync(ct);
        try
        {
            if (_token is { } fresh && time.GetUtcNow() < fresh.RenewAt) return fresh.Value;
            var token = await RequestAsync(ct);
            _token = token;
            return token.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>After the API refused it (revoked, or signed with a key it no longer trusts): the next call asks anew.</summary>
    public void Forget(string token)
    {
        if (_token?.Value == token) _token = null;
    }

    public void Dispose() => _gate.Dispose();

    private async Task<CachedToken> RequestAsync(CancellationToken ct)
    {
        var o = options.Value;
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (!string.IsNullOrWhiteSpace(o.Scope)) form["scope"] = o.Scope;
        using var request = new HttpRequestMessage(HttpMethod.Post, o.TokenEndpoint) { Content = new FormUrlEncodedContent(form) };
        // RFC 6749 2.3.1: id and secret are form-encoded before they are joined.
        var credentials = $"{Uri.EscapeDataString(o.ClientId!)}:{Uri.EscapeDataString(o.ClientSecret!)}";
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));

        var requestedAt = time.GetUtcNow();
        string body;
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
                throw new HmppsDetailUnavailableException($"the token endpoint answered {(int)response.StatusCode}");
            body = await response.Content.ReadAsStringAsync(ct);
        }
        catch (Exception e) when (HmppsDetailClient.IsTransportFailure(e, ct))
        {
            throw new HmppsDetailUnavailableException($"the token endpoint did not answer ({e.GetType().Name})");
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var token = root.GetProperty("access_token").GetString() ?? throw new JsonException();
            var lifetime = root.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var seconds) ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero;
            var margin = lifetime > 2 * RenewBeforeExpiry ? RenewBeforeExpiry : lifetime / 2;
            return new CachedToken(token, requestedAt + lifetime - margin);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new HmppsDetailUnavailableException("the token endpoint's answer has no access token");
        }
    }

    private sealed record CachedToken(string Value, DateTimeOffset RenewAt);
}
