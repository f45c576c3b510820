using System.Net;
using System.Net.Http.Headers;

namespace PublicProtectionHub.Benchmarks.PublicApi;

/// <summary>The hub's one public origin (<c>HUB_GATEWAY_URL</c>, which <c>./hub</c> sets) and HTTP clients for it.</summary>
internal sealed class Gateway(Uri address)
{
    public Uri Address { get; } = address;

    public static Gateway FromEnvironment() =>
        new(new Uri((Environment.GetEnvironmentVariable("HUB_GATEWAY_URL") is { Length: > 0 } url ? url : "http://127.0.0.1:5080").TrimEnd('/') + "/"));

    /// <summary>Null when the gateway answers <c>/health/ready</c> with 200, else why not.</summary>
    public async Task<string?> NotReadyAsync()
    {
        using var http = NewClient(TimeSpan.FromSeconds(5));
        try
        {
            using var response = await http.GetAsync("/health/ready");
            return response.IsSuccessStatusCode ? null : $"/health/ready answered {(int)response.StatusCode}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return e.Message;
        }
    }

    /// <summary>
    /// A client for the gateway. One connection per open stream (HTTP/1.1), so no cap on connections;
    /// <paramref name="bearer"/> is sent with every request.
    /// </summary>
    public HttpClient NewClient(TimeSpan timeout, string? bearer = null)
    {
        var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
        })
        {
            BaseAddress = Address,
            Timeout = timeout,
        };
        if (bearer is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return http;
    }

    /// <summary>
    /// Sends a request, and on 429 waits the <c>Retry-After</c> the gateway named and sends it again
    /// (at most <paramref name="attempts"/> times). <paramref name="request"/> builds a fresh message each time.
    /// </summary>
    public static async Task<HttpResponseMessage> SendHonouringRetryAfterAsync(
        HttpClient http, Func<HttpRequestMessage> request, int attempts = 60, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var message = request();
            var response = await http.SendAsync(message, ct);
            if (response.StatusCode != HttpStatusCode.TooManyRequests || attempt >= attempts) return response;
            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            response.Dispose();
            await Task.Delay(wait, ct); // the gateway's own due time, not a guess
        }
    }
}
