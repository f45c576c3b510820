using System.Net;
using System.Net.Http.Json;
using Duende.IdentityModel.Client;
using PublicProtectionHub.ServiceDefaults;
using PublicProtectionHub.Testing;

namespace PublicProtectionHub.IntegrationTests.Pipeline;

/// <summary>
/// Case-record's practitioner directory (<c>push.practitioners</c>), kept from identity's
/// <c>PractitionerAccountChanged</c>: the demo practitioners, accounts the admin API creates and disables,
/// the snapshot identity publishes at every start, and never auditors or administrators.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class PractitionerDirectoryTests(HubStack stack)
{
    private const string Password = "Test-Password-For-Directory-2026!";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Every_demo_practitioner_is_in_the_directory_with_their_role_scope_claims_and_duty()
    {
        var practitioners = stack.Demo.Users.Where(u => HubRoles.Practitioners.Contains(u.Role)).ToList();
        Assert.Contains(practitioners, u => u.Claims?.GetValueOrDefault("duty") == "true");

        await AwaitDemoDirectoryAsync();
    }

    [Fact]
    public async Task A_practitioner_created_through_the_admin_api_appears_and_disabling_them_sets_disabled()
    {
        // A made-up prison: a demo prison would gain a duty officer that the push tests do not expect.
        var userName = await CreateUserAsync("prison-security", new() { ["establishment"] = "TSI", ["duty"] = "true" });

        await Eventually.Until(() => RowsAsync([userName]), row => row == $"{userName}|Test practitioner|prison-security|TSI|||||true|false",
            Patience, "the new practitioner in the directory");

        using var admin = await AdminClientAsync();
        using var disabled = await admin.PostAsync($"/api/identity/users/{userName}/disable", null);
        Assert.Equal(HttpStatusCode.NoContent, disabled.StatusCode);
        await Eventually.Until(() => RowsAsync([userName]), row => row == $"{userName}|Test practitioner|prison-security|TSI|||||true|true",
            Patience, "the practitioner disabled in the directory");
    }

    [Fact]
    public async Task Auditors_and_administrators_are_never_published()
    {
        var auditor = await CreateUserAsync("auditor", []);
        var admin = await CreateUserAsync("admin", []);
        var police = await CreateUserAsync("police", new() { ["force"] = "test-force" });

        // The outbox row is written in the request's transaction: it is there, or not, once the API has answered.
        Assert.Equal(1L, await PublishedAsync(police));
        Assert.Equal(0L, await PublishedAsync(auditor, admin, "auditor", "admin"));
        await AwaitDemoDirectoryAsync();
        Assert.Equal(0L, await stack.ScalarAsync<long>("case-record",
            """SELECT count(*) FROM push.practitioners WHERE "Role" IN ('auditor', 'admin') OR "UserName" IN ('auditor', 'admin')"""));
    }

    [Fact]
    public async Task Identity_republishes_every_practitioner_when_it_starts_so_a_directory_that_missed_one_catches_up()
    {
        await AwaitDemoDirectoryAsync();
        // As a directory created after identity's accounts: it holds nothing about this one.
        Assert.Equal(1, await stack.ScalarAsync<int>("case-record", """DELETE FROM push.practitioners WHERE "UserName" = 'om.cardiff' RETURNING 1"""));

        await using var restarted = await stack.StartServiceAsync("identity");

        await AwaitDemoDirectoryAsync();
    }

    private async Task AwaitDemoDirectoryAsync()
    {
        var practitioners = stack.Demo.Users.Where(u => HubRoles.Practitioners.Contains(u.Role)).ToList();
        var expected = string.Join('\n', practitioners.OrderBy(u => u.UserName, StringComparer.Ordinal).Select(u =>
        {
            string Claim(string type) => u.Claims?.GetValueOrDefault(type) ?? "";
            return string.Join('|', u.UserName, u.DisplayName, u.Role, Claim("establishment"), Claim("force"), Claim("vlo-unit"),
                Claim("mappa-area"), Claim("pdu"), Claim("duty") == "true" ? "true" : "false", "false");
        }));
        await Eventually.Until(() => RowsAsync(practitioners.Select(u => u.UserName)), rows => rows == expected, Patience,
            "every demo practitioner in case-record's directory");
    }

    /// <summary>The directory's rows for these users, one line each in user name order, fields separated by |.</summary>
    private Task<string?> RowsAsync(IEnumerable<string> userNames) => stack.ScalarAsync<string>("case-record", $"""
        SELECT string_agg(concat_ws('|', "UserName", "DisplayName", "Role", coalesce("Establishment", ''), coalesce("Force", ''),
                   coalesce("VictimLiaisonUnit", ''), coalesce("MappaArea", ''), coalesce("ProbationDeliveryUnit", ''),
                   "Duty"::text, "Disabled"::text), E'\n' ORDER BY "UserName" COLLATE "C")
        FROM push.practitioners WHERE "UserName" IN ({Literals(userNames)})
        """);

    private Task<long> PublishedAsync(params string[] streams) => stack.ScalarAsync<long>("identity",
        $"SELECT count(*) FROM messaging.outbox_messages WHERE stream_id IN ({Literals(streams)})");

    private static string Literals(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"'{v.Replace("'", "''")}'"));

    private async Task<string> CreateUserAsync(string role, Dictionary<string, string> claims)
    {
        var userName = $"test.directory.{Guid.NewGuid().ToString("N")[..8]}";
        using var admin = await AdminClientAsync();
        using var created = await admin.PostAsJsonAsync("/api/identity/users",
            new { userName, password = Password, displayName = "Test practitioner", role, claims });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return userName;
    }

    private async Task<HttpClient> AdminClientAsync()
    {
        var http = stack.NewClient();
        http.SetBearerToken(await stack.Tokens.ForUserAsync("admin"));
        return http;
    }
}
