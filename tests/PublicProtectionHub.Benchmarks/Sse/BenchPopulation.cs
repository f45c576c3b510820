using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Npgsql;
using PublicProtectionHub.Benchmarks.PublicApi;

namespace PublicProtectionHub.Benchmarks.Sse;

/// <summary>One bench person at their own bench prison, and the five practitioners responsible for them.</summary>
internal sealed record BenchPerson(string NomsNumber, string Crn, string Prison, IReadOnlyList<string> Recipients);

/// <summary>
/// The benchmark's practitioners and people, created through the public API and reused by later runs:
/// prisons <c>B001…</c>, each with three prison-security users and one offender supervisor, one offender
/// manager per prison, and one person received into each prison with that offender manager allocated,
/// so every event about a bench person goes to exactly five practitioners.
/// </summary>
internal static class BenchPopulation
{
    /// <summary>Bench-only password for the bench users (they hold nothing but bench people).</summary>
    public const string Password = "Bench-Practitioner-Only-2026";

    public static IReadOnlyList<BenchPerson> People(int prisons) =>
    [
        .. Enumerable.Range(1, prisons).Select(k => new BenchPerson(
            $"B{k:0000}SE", $"B{900000 + k}", $"B{k:000}",
            [$"bench.b{k:000}.sec1", $"bench.b{k:000}.sec2", $"bench.b{k:000}.sec3", $"bench.b{k:000}.omu", $"bench.om{k:000}"])),
    ];

    /// <summary>Creates the users (409 = already there), waits for case-record's directory to hold them, registers the people.</summary>
    public static async Task PrepareAsync(Gateway gateway, DemoFile demo, HmppsEvents hmpps, IReadOnlyList<BenchPerson> people)
    {
        var started = Stopwatch.GetTimestamp();
        var admin = await SignIn.UserTokenAsync(gateway, "admin", demo.Password("admin"), "openid profile identity");
        using var http = gateway.NewClient(TimeSpan.FromSeconds(60), admin);
        var users = people.SelectMany(p => p.Recipients.Select(u => (User: u, Person: p))).ToList();
        var created = 0;
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (u, ct) =>
        {
            var role = u.User.Contains(".sec", StringComparison.Ordinal) ? "prison-security"
                : u.User.EndsWith(".omu", StringComparison.Ordinal) ? "offender-supervisor" : "offender-manager";
            var claims = role == "offender-manager" ? new Dictionary<string, string> { ["pdu"] = "bench" }
                : new Dictionary<string, string> { ["establishment"] = u.Person.Prison };
            using var response = await Gateway.SendHonouringRetryAfterAsync(http, () => new HttpRequestMessage(HttpMethod.Post, "/api/identity/users")
            {
                Content = JsonContent.Create(new { userName = u.User, password = Password, displayName = $"Bench {role} {u.User}", role, claims }),
            }, ct: ct);
            if (response.StatusCode == HttpStatusCode.Created) Interlocked.Increment(ref created);
            else if (response.StatusCode != HttpStatusCode.Conflict)
                throw new InvalidOperationException($"Creating {u.User} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        });
        Console.WriteLine($"  bench users: {users.Count} ({created} created now, the rest already there)");

        await WaitForDirectoryAsync(users.Count);

        foreach (var p in people)
        {
            await hmpps.PostAsync("prisoner-offender-search.prisoner.received",
                new { nomsNumber = p.NomsNumber, reason = "NEW_ADMISSION", prisonId = p.Prison, firstName = "Bench", lastName = $"Person {p.Prison}" },
                ("NOMS", p.NomsNumber), ("CRN", p.Crn));
            await hmpps.PostAsync("person.community.manager.allocated", new { staffUsername = p.Recipients[^1], pdu = "bench" },
                ("CRN", p.Crn), ("NOMS", p.NomsNumber));
        }

        Console.WriteLine($"  bench people: {people.Count} received into their prisons with an offender manager allocated ({Stopwatch.GetElapsedTime(started).TotalSeconds:0} s in all)");
    }

    /// <summary>case-record learns of new users from identity's PractitionerAccountChanged events; waits until it knows them all.</summary>
    private static async Task WaitForDirectoryAsync(int expected)
    {
        var admin = Environment.GetEnvironmentVariable("PPH_BENCH_POSTGRES")
                    ?? throw new InvalidOperationException("PPH_BENCH_POSTGRES is not set: run through ./hub bench.");
        await using var connection = new NpgsqlConnection(admin + ";Database=pph_case_record");
        await connection.OpenAsync();
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 180;
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        long held;
        do
        {
            await using var count = new NpgsqlCommand(
                "SELECT count(*) FROM push.practitioners WHERE \"UserName\" LIKE 'bench.%' AND NOT \"Disabled\"", connection);
            held = (long)(await count.ExecuteScalarAsync())!;
            if (held >= expected) return;
        } while (Stopwatch.GetTimestamp() < deadline && await poll.WaitForNextTickAsync());

        throw new TimeoutException($"case-record's practitioner directory holds {held} of {expected} bench users.");
    }
}
