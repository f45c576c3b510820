using System.Text.Json;

namespace PublicProtectionHub.IntegrationTests.Pipeline;

/// <summary>The parts of <c>infra/demo/demo-data.json</c> the tests sign in with and reason about.</summary>
public sealed record DemoData(IReadOnlyList<DemoUser> Users, IReadOnlyList<DemoClient> Clients, IReadOnlyList<DemoPerson> People)
{
    public static DemoData Load(string path) =>
        JsonSerializer.Deserialize<DemoData>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))
        ?? throw new InvalidDataException("The demo data file is empty.");

    public DemoUser User(string userName) => Users.Single(u => u.UserName == userName);

    public DemoClient Client(string clientId) => Clients.Single(c => c.ClientId == clientId);
}

public sealed record DemoUser(string UserName, string Password, string DisplayName, string Role, Dictionary<string, string>? Claims);

public sealed record DemoClient(string ClientId, string? ClientSecret, IReadOnlyList<string> Grants, IReadOnlyList<string> Scopes, IReadOnlyList<string>? RedirectUris);

public sealed record DemoPerson(string NomsNumber, string? Crn, DemoResponsibilities Responsibilities);

public sealed record DemoResponsibilities(
    string? Establishment, bool InCommunity, string? OffenderSupervisor, string? OffenderManager, string? PoliceForce,
    IReadOnlyList<string>? VictimLiaisonUnits, string? MappaArea);
