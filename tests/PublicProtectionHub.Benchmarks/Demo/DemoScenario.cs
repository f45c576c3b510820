using System.Net.Http.Json;
using PublicProtectionHub.Benchmarks.PublicApi;

namespace PublicProtectionHub.Benchmarks.Demo;

/// <summary>
/// <c>./hub demo</c>: a scripted scenario played through the gateway only, with an inbox stream open for
/// each demo practitioner, showing live who is told what (and that nobody else is told anything).
/// Re-runnable: every event carries the moment it is sent as <c>occurredAt</c>, and the last step puts
/// the demo people back as <c>demo-data.json</c> has them and acknowledges the high-priority items, so
/// nothing escalates to a duty officer after the demo.
/// </summary>
internal static class DemoScenario
{
    private const string Arriving = "A2345CD"; // MAPPA category 1 level 1, at HMP Dartmoor (DWI), om.plymouth, Devon and Cornwall
    private const string Victims = "A1234BC";  // at HMP Exeter (EXI), with a victim contact case in the Devon VLU
    private const string RiskRegister = "RHRH";     // Delius register "high RoSH"
    private const string PhoneProvider = "pin-phone-provider";
    private const string ProhibitedNumber = "+44 7700 900123"; // the demo order's number, as 07700 900123 in demo-data.json

    private static readonly string[] Watched =
    [
        "sec.exeter", "duty.exeter", "omu.exeter", "om.plymouth", "police.devon", "vlo.devon", "mappa.devon",
        "sec.dartmoor", "duty.dartmoor", "omu.dartmoor", "sec.cardiff", "om.cardiff",
    ];

    public static async Task<int> RunAsync()
    {
        var gateway = Gateway.FromEnvironment();
        if (await gateway.NotReadyAsync() is { } reason)
        {
            await Console.Error.WriteLineAsync($"The hub is not up: the gateway at {gateway.Address} does not answer ({reason}). Start it with ./hub up (same HUB_* settings).");
            return 1;
        }

        var demo = DemoFile.Load();
        Console.WriteLine($"Public Protection Hub demo, through the gateway at {gateway.Address} only.");
        Console.WriteLine();
        var hmpps = await HmppsEvents.SignInAsync(gateway, demo);
        var tokens = new Dictionary<string, string>();
        var phone = gateway.NewClient(TimeSpan.FromSeconds(30),
            await SignIn.ClientTokenAsync(gateway, PhoneProvider, demo.ClientSecret(PhoneProvider), "telephone-monitoring"));
        DemoStep[] steps =
        [
            new("1 arrival", $"A MAPPA nominal arrives: {Arriving} (MAPPA category 1, level 1) is transferred from HMP Dartmoor (DWI) to HMP Exeter (EXI)",
                "HMPPS event prisoner-offender-search.prisoner.received (TRANSFERRED, EXI) posted as the hmpps-events client. Expect a high-priority " +
                "arrival-screening item for Exeter's security department and OMU, and the move for everyone responsible.",
                () => hmpps.PostAsync("prisoner-offender-search.prisoner.received", new { nomsNumber = Arriving, reason = "TRANSFERRED", prisonId = "EXI" }, ("NOMS", Arriving)),
                d => d.NomsNumber == Arriving && d.EventType == "prisoner-offender-search.prisoner.received" && d.Summary.Contains("EXI", StringComparison.Ordinal)),
            new("2 risk", $"A risk change: the {RiskRegister} (high risk of serious harm) register is added for {Victims}",
                "HMPPS event probation-case.registration.added. Expect it for everyone responsible for him, the victim liaison officer included.",
                () => hmpps.PostAsync("probation-case.registration.added", new { registerTypeCode = RiskRegister }, ("NOMS", Victims)),
                d => d.NomsNumber == Victims && d.EventType == "probation-case.registration.added"),
            new("3 message", $"A secure message: the offender manager (om.plymouth) asks Exeter's OMU and the victim liaison officer about {Victims}",
                "POST /api/case-record/messages as om.plymouth, marked OFFICIAL-SENSITIVE, to omu.exeter and vlo.devon (both responsible for him). " +
                "Expect it in their two inboxes only: the thread is seen by its participants, not by everyone responsible.",
                () => SendMessageAsync(gateway, tokens["om.plymouth"], Victims, ["omu.exeter", "vlo.devon"]),
                d => d.NomsNumber == Victims && d.EventType == "secure-message.sent"),
            new("4 call", $"{Victims} rings the number his victim contact case's order prohibits, written another way (+44 7700 900123)",
                "POST /api/telephone-monitoring/call-records as the pin-phone-provider client: a connected call. Expect a telephone alert for " +
                "Exeter's security department and OMU, the offender manager, the police and the victim liaison officer whose order it is. " +
                "(Another call to that number within the hour joins the same alert, so a second run within the hour shows no new push.)",
                () => PlaceCallAsync(phone),
                d => d.NomsNumber == Victims && d.EventType == "telephone-alert.raised"),
            new("tidy-up", $"Tidy-up: {Arriving} goes back to Dartmoor with omu.dartmoor as offender supervisor, {Victims}'s {RiskRegister} register is removed",
                "So the next run starts from the demo data again. Dartmoor is told of the arrival (it is a real one); Exeter is no longer responsible.",
                async () =>
                {
                    await hmpps.PostAsync("prisoner-offender-search.prisoner.received", new { nomsNumber = Arriving, reason = "TRANSFERRED", prisonId = "DWI" }, ("NOMS", Arriving));
                    await hmpps.PostAsync("offender-management.pom.allocated", new { staffUsername = "omu.dartmoor" }, ("NOMS", Arriving));
                    await hmpps.PostAsync("probation-case.registration.deregistered", new { registerTypeCode = RiskRegister }, ("NOMS", Victims));
                },
                d => (d.NomsNumber == Arriving && !d.Summary.Contains("EXI", StringComparison.Ordinal))
                     || (d.NomsNumber == Victims && d.EventType == "probation-case.registration.deregistered")),
        ];

        var log = new DeliveryLog(steps);
        Console.Write($"Signing in {Watched.Length} demo practitioners (authorization code + PKCE on the login page) and opening their inbox streams… ");
        var streams = new List<InboxStream>();
        try
        {
            foreach (var user in Watched)
            {
                tokens[user] = await SignIn.UserTokenAsync(gateway, user, demo.Password(user));
                streams.Add(await InboxStream.OpenAsync(gateway, user, tokens[user], log.Add));
            }

            Console.WriteLine("done.");
            Console.WriteLine($"Watching: {string.Join(", ", Watched)}");

            foreach (var step in steps)
            {
                Console.WriteLine();
                Console.WriteLine($"[{DateTime.Now:HH:mm:ss.fff}] Step {step.Label}: {step.Title}");
                Console.WriteLine($"  {step.Explanation}");
                await step.PlayAsync();
                var count = await log.SettledAsync(step, quiet: TimeSpan.FromSeconds(1.5), limit: TimeSpan.FromSeconds(15));
                Console.WriteLine($"  → {count} deliveries");
            }

            Console.WriteLine();
            await ShowScreeningAsync(phone);
            Console.WriteLine();
            Console.WriteLine($"Who received what ({string.Join(", ", steps.Select(s => s.Label))}); HIGH = high priority:");
            Console.WriteLine();
            PrintTable(steps, log);
            await AcknowledgeHighPriorityAsync(gateway, tokens, log);
            var broken = streams.Where(s => s.Failure is not null).ToList();
            foreach (var s in broken) Console.WriteLine($"The stream of {s.UserName} failed: {s.Failure}");
            return broken.Count == 0 ? 0 : 1;
        }
        finally
        {
            foreach (var stream in streams) await stream.DisposeAsync();
        }
    }

    private static async Task PlaceCallAsync(HttpClient phone)
    {
        using var response = await phone.PostAsJsonAsync("/api/telephone-monitoring/call-records", new
        {
            callId = $"demo-{Guid.NewGuid():N}", nomsNumber = Victims, prisonId = "EXI", dialledNumber = ProhibitedNumber,
            startedAt = DateTimeOffset.UtcNow.AddSeconds(-90), durationSeconds = 75, outcome = "connected",
        });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST /api/telephone-monitoring/call-records answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>What the provider's screening now answers before connecting the same number, written a third way.</summary>
    private static async Task ShowScreeningAsync(HttpClient phone)
    {
        var answer = await phone.GetStringAsync($"/api/telephone-monitoring/screening?noms={Victims}&number={Uri.EscapeDataString("07700900123")}");
        Console.WriteLine($"Screening {Victims} calling 07700900123 before the next call: {answer}");
    }

    private static async Task SendMessageAsync(Gateway gateway, string token, string person, string[] recipients)
    {
        using var http = gateway.NewClient(TimeSpan.FromSeconds(30), token);
        using var response = await http.PostAsJsonAsync("/api/case-record/messages", new
        {
            person, recipients, subject = "Release planning: contact with the victim",
            body = "Licence conditions are being drafted. Has the victim asked for any conditions, and has security seen anything on his calls?",
            classification = "OFFICIAL-SENSITIVE",
        });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST /api/case-record/messages answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static void PrintTable(IReadOnlyList<DemoStep> steps, DeliveryLog log)
    {
        Console.WriteLine($"| practitioner  | {string.Join(" | ", steps.Select(s => $"{s.Label,-44}"))} |");
        Console.WriteLine($"|---------------|{string.Join("|", steps.Select(_ => new string('-', 46)))}|");
        var nobody = new List<string>();
        foreach (var user in Watched)
        {
            var cells = steps.Select(s => Cell(log.Of(s).Where(d => d.UserName == user).ToList())).ToList();
            if (cells.All(c => c == "—")) nobody.Add(user);
            Console.WriteLine($"| {user,-13} | {string.Join(" | ", cells.Select(c => $"{c,-44}"))} |");
        }

        Console.WriteLine();
        Console.WriteLine(nobody.Count == 0 ? "Everyone watched received something." : $"Received nothing: {string.Join(", ", nobody)}.");
    }

    /// <summary>"2: arrival-screening HIGH, identity-location" or "—".</summary>
    private static string Cell(IReadOnlyList<Delivery> items) => items.Count == 0 ? "—"
        : $"{items.Count}: {string.Join(", ", items.Select(d => d.InformationClass + (d.Priority == "high" ? " HIGH" : "")).Distinct())}";

    /// <summary>Each high-priority item is acknowledged by its recipient, as they would on reading it; otherwise it escalates to the duty officer.</summary>
    private static async Task AcknowledgeHighPriorityAsync(Gateway gateway, Dictionary<string, string> tokens, DeliveryLog log)
    {
        var high = log.All().Where(d => d.Priority == "high").ToList();
        foreach (var d in high)
        {
            using var http = gateway.NewClient(TimeSpan.FromSeconds(30), tokens[d.UserName]);
            using var response = await http.PostAsync($"/api/case-record/inbox/{d.Id}/acknowledge", null);
            var state = response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("state").GetString() : null;
            if (state != "acknowledged") Console.WriteLine($"Could not acknowledge {d.UserName}'s item {d.Id}: HTTP {(int)response.StatusCode}.");
        }

        Console.WriteLine($"Each recipient acknowledged their {high.Count} high-priority items (POST /api/case-record/inbox/{{id}}/acknowledge), so none escalates to a duty officer later.");
    }
}
