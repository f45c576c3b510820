using System.Text.Json;
using System.Text.Json.Serialization;
using PublicProtectionHub.Audit;
using PublicProtectionHub.CaseRecord.Features.RegisterPerson;
using PublicProtectionHub.CaseRecord.Register;

namespace PublicProtectionHub.CaseRecord.Demo;

/// <summary>
/// Registers the people of the demo data file (<c>Demo:DataFile</c>) at start-up, as if their
/// HMPPS events had arrived. Idempotent: people already registered are recognised.
/// </summary>
public sealed partial class DemoRegister(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DemoRegister> logger) : BackgroundService
{
    private static readonly AuditActor Loader = new("demo-data-loader", "service", "public-protection-hub", null);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (configuration["Demo:DataFile"] is not { Length: > 0 } path) return;

        await using var file = File.OpenRead(path);
        var demo = await JsonSerializer.DeserializeAsync<DemoFile>(file, Json, stoppingToken)
            ?? throw new InvalidDataException("The demo data file is empty.");
        foreach (var person in demo.People)
        {
            await using var scope = scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetRequiredService<RegisterPersonHandler>();
            await handler.HandleAsync(person.ToCommand(), Loader, stoppingToken);
        }

        LogLoaded(demo.People.Count);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [LoggerMessage(LogLevel.Information, "Demo register loaded: {Count} people")]
    private partial void LogLoaded(int count);

    private sealed record DemoFile(List<DemoPerson> People);

    private sealed record DemoName(string Given, string Family);

    private sealed record DemoFlags(bool MappaNominal, bool PublicProtection, bool InScope, bool VictimContact);

    private sealed record DemoResponsibilities(
        string? Establishment, bool InCommunity, string? OffenderSupervisor, string? OffenderManager,
        string? PoliceForce, List<string>? VictimLiaisonUnits, string? MappaArea, [property: JsonPropertyName("pdu")] string? ProbationDeliveryUnit);

    private sealed record DemoMappa(int? Category, int? Level);

    private sealed record DemoPerson(
        string? NomsNumber, string? Crn, string? PncId, DemoName Name, DateOnly? DateOfBirth, DemoFlags Flags, DemoMappa? Mappa,
        DemoResponsibilities Responsibilities)
    {
        public RegisterPersonCommand ToCommand() => new(
            NomsNumber, Crn, PncId, Name.Given, Name.Family, DateOfBirth,
            new PersonFlags { MappaNominal = Flags.MappaNominal, PublicProtection = Flags.PublicProtection, InScope = Flags.InScope, VictimContact = Flags.VictimContact },
            new Responsibilities
            {
                EstablishmentCode = Responsibilities.Establishment,
                InCommunity = Responsibilities.InCommunity,
                OffenderSupervisor = Responsibilities.OffenderSupervisor,
                OffenderManager = Responsibilities.OffenderManager,
                ProbationDeliveryUnit = Responsibilities.ProbationDeliveryUnit,
                PoliceForce = Responsibilities.PoliceForce,
                VictimLiaisonUnits = Responsibilities.VictimLiaisonUnits ?? [],
                MappaArea = Responsibilities.MappaArea,
            },
            "demo data load")
        {
            MappaCategory = Mappa?.Category,
            MappaLevel = Mappa?.Level,
        };
    }
}
