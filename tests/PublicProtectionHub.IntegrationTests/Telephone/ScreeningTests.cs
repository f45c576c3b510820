using System.Net;
using System.Text.Json;
using PublicProtectionHub.IntegrationTests.Pipeline;
using static PublicProtectionHub.IntegrationTests.Telephone.TelephoneDriver;

namespace PublicProtectionHub.IntegrationTests.Telephone;

/// <summary>The provider's real-time screening: block with the order's reference and nothing about the victim, audited, rate-limited.</summary>
[Collection(PipelineCollection.Name)]
public sealed class ScreeningTests(HubStack stack)
{
    private readonly TelephoneDriver _phone = new(stack);
    private const string Prisoner = "A1234BC";

    [Fact]
    public async Task A_prohibited_number_is_blocked_naming_the_order_and_every_answer_is_audited()
    {
        var number = NewNumber();
        var order = await _phone.IssueOrderAsync(Prisoner, number);
        var audited = await ScreeningAuditsAsync();

        using var block = await _phone.ScreenAsync(Prisoner, "+44 " + number[1..]);
        var blocked = JsonDocument.Parse(await block.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, block.StatusCode);
        Assert.Equal("block", blocked.GetProperty("decision").GetString());
        Assert.Equal(order.OrderReference, blocked.GetProperty("orderReference").GetString());
        Assert.Equal(["decision", "orderReference"], blocked.EnumerateObject().Select(p => p.Name).Order());

        using var otherPrisoner = await _phone.ScreenAsync("A4567EF", number);
        Assert.Equal("allow", JsonDocument.Parse(await otherPrisoner.Content.ReadAsStringAsync()).RootElement.GetProperty("decision").GetString());
        using var otherNumber = await _phone.ScreenAsync(Prisoner, NewNumber());
        Assert.Equal("allow", JsonDocument.Parse(await otherNumber.Content.ReadAsStringAsync()).RootElement.GetProperty("decision").GetString());
        using var bad = await _phone.ScreenAsync(Prisoner, "12");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        Assert.Equal(audited + 4, await ScreeningAuditsAsync());
    }

    [Fact]
    public async Task The_screening_endpoint_is_rate_limited_per_client_and_refusals_are_audited()
    {
        Uri? url = null;
        await using var instance = await stack.StartServiceAsync(Service, new Dictionary<string, string?>
        {
            ["TelephoneMonitoring__Screening__PermitsPerSecond"] = "1", ["TelephoneMonitoring__Screening__Burst"] = "3",
        }, u => url = u);
        var refusals = await _phone.AuditCountAsync("operation = 'GET /api/telephone-monitoring/screening' AND outcome = 'Denied'");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 10 && limited is null; i++)
        {
            var response = await _phone.ScreenAsync(Prisoner, NewNumber(), url);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited = response;
            else response.Dispose();
        }

        Assert.NotNull(limited);
        using (limited)
        {
            Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
            Assert.True(limited.Headers.RetryAfter is not null, "a 429 says when to retry");
        }

        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) >= 3, string.Join(", ", statuses));
        Assert.Equal(refusals + 1, await _phone.AuditCountAsync("operation = 'GET /api/telephone-monitoring/screening' AND outcome = 'Denied'"));
    }

    private Task<long> ScreeningAuditsAsync() =>
        _phone.AuditCountAsync("operation = 'GET /api/telephone-monitoring/screening' AND client_id = 'pin-phone-provider'");
}
