using System.Text.RegularExpressions;

namespace PublicProtectionHub.HmppsStandIn;

/// <summary>
/// <c>GET /{path}</c> answers <c>Fixtures/{path}.json</c> (e.g. <c>/prisoner/A1234BC</c> is
/// <c>Fixtures/prisoner/A1234BC.json</c>); no such fixture is 404, as the real APIs answer for someone they do not hold.
/// </summary>
public static partial class Fixtures
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static void MapFixtures(this WebApplication app) =>
        app.MapGet("/{**path}", (string path) =>
            SafePath().IsMatch(path) && Path.Combine(Root, path + ".json") is var file && File.Exists(file)
                ? Results.File(file, "application/json")
                : Results.Problem(title: "Not found.", statusCode: StatusCodes.Status404NotFound));

    // Path segments of letters, digits, '-' and '_' only: nothing can climb out of the fixtures folder.
    [GeneratedRegex("^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*$")]
    private static partial Regex SafePath();
}
