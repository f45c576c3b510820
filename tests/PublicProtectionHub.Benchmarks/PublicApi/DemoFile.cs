using System.Text.Json;

namespace PublicProtectionHub.Benchmarks.PublicApi;

/// <summary>The demo logins and client secrets in <c>infra/demo/demo-data.json</c> (demo-only credentials).</summary>
internal sealed record DemoFile(IReadOnlyList<DemoFile.User> Users, IReadOnlyList<DemoFile.Client> Clients)
{
    public sealed record User(string UserName, string Password, string Role);

    public sealed record Client(string ClientId, string? ClientSecret);

    public const string RelativePath = "infra/demo/demo-data.json";

    /// <summary>Reads the file from the repository the process runs in (found upwards from the working folder).</summary>
    public static DemoFile Load()
    {
        var path = Path();
        return JsonSerializer.Deserialize<DemoFile>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))
               ?? throw new InvalidDataException($"{path} is empty.");
    }

    /// <summary>The file's path in the repository the process runs in (found upwards from the working folder).</summary>
    public static string Path()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            var path = System.IO.Path.Combine(folder.FullName, RelativePath);
            if (File.Exists(path)) return path;
        }

        throw new FileNotFoundException($"{RelativePath} not found above {Environment.CurrentDirectory}.");
    }

    public string Password(string userName) => Users.Single(u => u.UserName == userName).Password;

    public string ClientSecret(string clientId) =>
        Clients.Single(c => c.ClientId == clientId).ClientSecret ?? throw new InvalidDataException($"{clientId} has no secret.");
}
