using System.Net;
using Duende.IdentityModel.Client;

namespace PublicProtectionHub.IntegrationTests.Pipeline;

[Collection(PipelineCollection.Name)]
public sealed class GatewayTests(HubStack stack)
{
    private const string PersonPath = "/api/case-record/people/A1234BC";

    [Fact]
    public async Task Every_response_carries_a_correlation_id_and_a_well_formed_one_from_the_caller_is_kept()
    {
        using var http = stack.NewClient();
        using var anonymous = await http.GetAsync(PersonPath);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Matches("^[0-9a-f]{32}$", Assert.Single(anonymous.Headers.GetValues("X-Correlation-Id")));

        var mine = Guid.NewGuid().ToString("N");
        http.DefaultRequestHeaders.Add("X-Correlation-Id", mine);
        using var kept = await http.GetAsync("/.well-known/openid-configuration");
        Assert.Equal(mine, Assert.Single(kept.Headers.GetValues("X-Correlation-Id")));

        using var spoof = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        spoof.Headers.TryAddWithoutValidation("X-Correlation-Id", "<script>" + new string('x', 300));
        using var replaced = await stack.NewClient().SendAsync(spoof);
        Assert.Matches("^[0-9a-f]{32}$", Assert.Single(replaced.Headers.GetValues("X-Correlation-Id")));
    }

    [Fact]
    public async Task A_service_called_directly_without_a_token_answers_401()
    {
        using var http = stack.NewClient(stack.Direct["case-record"]);
        using var response = await http.GetAsync(PersonPath);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Over_its_rate_a_caller_gets_429_with_retry_after_while_other_callers_are_served()
    {
        var (url, gateway) = await stack.StartGatewayAsync(new Dictionary<string, string?>
        {
            ["Gateway__RateLimit__PermitsPerSecond"] = "1",
            ["Gateway__RateLimit__Burst"] = "3",
        });
        await using var _ = gateway;
        using var busy = stack.NewClient(url);
        busy.SetBearerToken(await stack.Tokens.ForUserAsync("sec.exeter"));
        using var other = stack.NewClient(url);
        other.SetBearerToken(await stack.Tokens.ForUserAsync("police.devon"));

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 8; i++) answers.Add(await busy.GetAsync(PersonPath));
        using var otherAnswer = await other.GetAsync(PersonPath);

        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
        var limited = Assert.IsType<HttpResponseMessage>(answers.FirstOrDefault(a => a.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, otherAnswer.StatusCode);
        answers.ForEach(a => a.Dispose());
    }

    [Fact]
    public async Task A_machine_client_given_a_bucket_of_its_own_is_not_held_to_the_per_caller_rate()
    {
        var (url, gateway) = await stack.StartGatewayAsync(new Dictionary<string, string?>
        {
            ["Gateway__RateLimit__PermitsPerSecond"] = "1",
            ["Gateway__RateLimit__Burst"] = "3",
            ["Gateway__RateLimit__Clients__pin-phone-provider__PermitsPerSecond"] = "1000",
            ["Gateway__RateLimit__Clients__pin-phone-provider__Burst"] = "1000",
        });
        await using var _ = gateway;
        using var provider = stack.NewClient(url);
        provider.SetBearerToken(await stack.Tokens.ForClientAsync("pin-phone-provider"));
        using var user = stack.NewClient(url);
        user.SetBearerToken(await stack.Tokens.ForUserAsync("sec.exeter"));

        var providerAnswers = new List<HttpStatusCode>();
        var userAnswers = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var screened = await provider.GetAsync("/api/telephone-monitoring/screening?noms=A1234BC&number=01632960999");
            providerAnswers.Add(screened.StatusCode);
            using var read = await user.GetAsync(PersonPath);
            userAnswers.Add(read.StatusCode);
        }

        Assert.All(providerAnswers, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Contains(HttpStatusCode.TooManyRequests, userAnswers);
    }

    [Fact]
    public async Task Sign_in_attempts_from_one_address_are_limited()
    {
        var (url, gateway) = await stack.StartGatewayAsync(new Dictionary<string, string?>
        {
            ["Gateway__RateLimit__SignIn__PermitsPerSecond"] = "1",
            ["Gateway__RateLimit__SignIn__Burst"] = "2",
        });
        await using var _ = gateway;
        using var http = stack.NewClient(url);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = "hmpps-events", ["client_secret"] = "wrong",
            }));
            statuses.Add(response.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413_before_it_reaches_a_service()
    {
        using var http = stack.NewClient();
        http.SetBearerToken(await stack.Tokens.ForUserAsync("admin"));
        using var body = new ByteArrayContent(new byte[1024 * 1024 + 1]);
        body.Headers.ContentType = new("application/json");

        using var response = await http.PostAsync("/api/identity/users", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
