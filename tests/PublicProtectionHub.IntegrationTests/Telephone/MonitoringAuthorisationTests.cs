using System.Net;
using System.Text.Json;
using PublicProtectionHub.IntegrationTests.Pipeline;
using PublicProtectionHub.Testing;
using static PublicProtectionHub.IntegrationTests.Telephone.TelephoneDriver;

namespace PublicProtectionHub.IntegrationTests.Telephone;

/// <summary>Prison Rule 35A authorisations: recorded by security, summarised for others, reviews pushed, ends enforced.</summary>
[Collection(PipelineCollection.Name)]
public sealed class MonitoringAuthorisationTests(HubStack stack)
{
    private readonly TelephoneDriver _phone = new(stack);
    private const string Prisoner = "A1234BC";
    private static string Path => $"/api/{Service}/people/{Prisoner}/monitoring-authorisations";

    [Fact]
    public async Task An_authorisation_monitors_calls_while_in_force_and_its_review_is_pushed_once()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var created = await _phone.SendAsync("sec.exeter", HttpMethod.Post, Path, new
        {
            purpose = "prevention-of-crime", reason = "harassment", authorisedBy = "Governor J. Smith",
            startsAt = DateTimeOffset.UtcNow.AddHours(-2), durationDays = 30, reviewDate = today.AddDays(3),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        await Eventually.Until(() => _phone.OutboxCountAsync("MonitoringAuthorisationReviewDue", "authorisationId", id.ToString()),
            n => n == 1, Patience, "the review-due event");

        using var security = await _phone.SendAsync("sec.exeter", HttpMethod.Get, Path);
        var whole = Find(JsonDocument.Parse(await security.Content.ReadAsStringAsync()).RootElement, id, out var contentMonitoring);
        Assert.True(contentMonitoring);
        Assert.Equal(("in-force", "Governor J. Smith", "prevention-of-crime"),
            (whole.GetProperty("status").GetString(), whole.GetProperty("authorisedBy").GetString(), whole.GetProperty("purpose").GetString()));

        using var omu = await _phone.SendAsync("omu.exeter", HttpMethod.Get, Path);
        var summary = Find(JsonDocument.Parse(await omu.Content.ReadAsStringAsync()).RootElement, id, out _);
        Assert.False(summary.TryGetProperty("authorisedBy", out _));
        Assert.False(summary.TryGetProperty("reason", out _));

        using var police = await _phone.SendAsync("police.devon", HttpMethod.Get, Path);
        Assert.Equal(HttpStatusCode.NotFound, police.StatusCode);

        var callId = NewCallId();
        await _phone.PostCallsOkAsync([Call(callId, Prisoner, NewNumber(), DateTimeOffset.UtcNow.AddMinutes(-1))]);
        Assert.True(await stack.ScalarAsync<bool>(Service, $"SELECT \"ContentMonitored\" FROM calls.call_records WHERE \"CallId\" = '{callId}'"));

        // Pushed once per review date: a later authorisation's review being pushed shows the sweep ran again since.
        var later = await CreateAsync(DateTimeOffset.UtcNow.AddHours(-1), 10, today.AddDays(2));
        await Eventually.Until(() => _phone.OutboxCountAsync("MonitoringAuthorisationReviewDue", "authorisationId", later.ToString()),
            n => n == 1, Patience, "the later review-due event");
        Assert.Equal(1L, await _phone.OutboxCountAsync("MonitoringAuthorisationReviewDue", "authorisationId", id.ToString()));
    }

    [Fact]
    public async Task A_renewal_recorded_before_the_end_runs_it_on_and_an_ended_one_cannot_be_renewed()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var current = await CreateAsync(DateTimeOffset.UtcNow.AddDays(-1), 20, today.AddDays(10));
        using var renewed = await _phone.SendAsync("sec.exeter", HttpMethod.Post, $"{Path}/{current}/renewals", new { durationDays = 30, reviewDate = today.AddDays(40) });
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var body = JsonDocument.Parse(await renewed.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1, body.GetProperty("renewals").GetInt32());
        Assert.InRange(body.GetProperty("endsAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddDays(48), DateTimeOffset.UtcNow.AddDays(50));

        var ended = await CreateAsync(DateTimeOffset.UtcNow.AddDays(-10), 2, today.AddDays(-9));
        using var refused = await _phone.SendAsync("sec.exeter", HttpMethod.Post, $"{Path}/{ended}/renewals", new { durationDays = 30, reviewDate = today.AddDays(20) });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        // Its unrenewed end is pushed, and calls after it are not content-monitored.
        await Eventually.Until(() => _phone.OutboxCountAsync("MonitoringAuthorisationReviewDue", "authorisationId", ended.ToString()),
            n => n == 1, Patience, "the unrenewed end pushed");
        string during = NewCallId(), after = NewCallId();
        await _phone.PostCallsOkAsync([
            Call(during, Prisoner, NewNumber(), DateTimeOffset.UtcNow.AddDays(-9)),
            Call(after, Prisoner, NewNumber(), DateTimeOffset.UtcNow.AddDays(-7)),
        ]);
        Assert.True(await stack.ScalarAsync<bool>(Service, $"SELECT \"ContentMonitored\" FROM calls.call_records WHERE \"CallId\" = '{during}'"));
        Assert.False(await stack.ScalarAsync<bool>(Service, $"SELECT \"ContentMonitored\" FROM calls.call_records WHERE \"CallId\" = '{after}'"));
    }

    [Fact]
    public async Task A_bad_authorisation_is_refused_naming_the_fields()
    {
        using var bad = await _phone.SendAsync("sec.exeter", HttpMethod.Post, Path, new
        {
            purpose = "curiosity", reason = "harassment", authorisedBy = "", startsAt = DateTimeOffset.UtcNow, durationDays = 0,
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(["authorisedBy", "durationDays", "purpose"], errors.EnumerateObject().Select(p => p.Name).Order());
    }

    private async Task<Guid> CreateAsync(DateTimeOffset starts, int days, DateOnly review)
    {
        using var created = await _phone.SendAsync("sec.exeter", HttpMethod.Post, Path, new
        {
            purpose = "public-safety", reason = "public-protection-case", authorisedBy = "Deputy Governor", startsAt = starts, durationDays = days, reviewDate = review,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
    }

    private static JsonElement Find(JsonElement list, Guid id, out bool contentMonitoring)
    {
        contentMonitoring = list.GetProperty("contentMonitoring").GetBoolean();
        return list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id);
    }
}
