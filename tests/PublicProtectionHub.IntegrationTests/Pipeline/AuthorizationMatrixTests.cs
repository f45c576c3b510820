using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Duende.IdentityModel.Client;
using static PublicProtectionHub.IntegrationTests.Pipeline.AuthorizationMatrix;

namespace PublicProtectionHub.IntegrationTests.Pipeline;

/// <summary>One test per cell of <see cref="AuthorizationMatrix"/>, through the gateway of the running stack.</summary>
[Collection(PipelineCollection.Name)]
public sealed partial class AuthorizationMatrixTests(HubStack stack)
{
    private sealed record Cell(Row Row, string Caller, string Person, Outcome Expected);

    private static readonly Dictionary<string, Cell> CellsByName = AllCells().ToDictionary(c => Name(c));

    public static TheoryData<string> Cells => new(CellsByName.Keys);

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Cell_answers_as_the_matrix_says(string cell)
    {
        var (row, caller, person, expected) = CellsByName[cell];
        using var http = stack.NewClient();
        if (caller != Anonymous) http.SetBearerToken(await TokenAsync(caller));
        using var request = new HttpRequestMessage(new HttpMethod(row.Method), Concrete(row.Path, person))
        {
            Content = row.Body is null ? null : new StringContent(row.Body, Encoding.UTF8, "application/json"),
        };

        // Headers are enough: a stream (the inbox's Server-Sent Events) is closed as soon as they arrive.
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        var status = expected switch
        {
            Outcome.Allowed => row.AllowedStatus,
            Outcome.NotFound => 404,
            Outcome.Unauthorized => 401,
            _ => 403,
        };
        Assert.Equal(status, (int)response.StatusCode);
        if (!response.IsSuccessStatusCode)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Every_mapped_endpoint_is_in_the_matrix_and_every_row_is_mapped()
    {
        var mapped = new HashSet<string>();
        using var http = stack.NewClient();
        foreach (var (service, uri) in stack.Direct)
        {
            var document = await http.GetFromJsonAsync<JsonElement>(new Uri(uri, "/openapi/v1.json"));
            foreach (var path in document.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject().Where(o => HttpMethods.Contains(o.Name)))
                mapped.Add($"{operation.Name.ToUpperInvariant()} {path.Name}");
            Assert.True(mapped.Count > 0, $"{service} describes no endpoints");
        }

        var inMatrix = Rows.Select(r => r.Endpoint).ToHashSet();
        Assert.Empty(mapped.Except(inMatrix).Except(PublicEndpoints).Order());
        Assert.Empty(inMatrix.Except(mapped).Order());
    }

    private static readonly string[] HttpMethods = ["get", "post", "put", "patch", "delete"];

    private Task<string> TokenAsync(string caller) => stack.Demo.Users.Any(u => u.UserName == caller)
        ? stack.Tokens.ForUserAsync(caller)
        : stack.Tokens.ForClientAsync(caller);

    private static IEnumerable<Cell> AllCells()
    {
        foreach (var row in Rows)
        {
            for (var i = 0; i < Callers.Count; i++)
            {
                yield return new Cell(row, Callers[i], PersonInScope, row.Outcomes[i]);
                if (row.IsAboutAPerson && row.Outcomes[i] == Outcome.Allowed)
                    yield return new Cell(row, Callers[i], PersonOutOfScope, Outcome.NotFound);
            }
        }
    }

    private static string Name(Cell cell) =>
        $"{cell.Row.Endpoint} as {cell.Caller}{(cell.Row.IsAboutAPerson ? $" for {cell.Person}" : "")} -> {cell.Expected}";

    /// <summary>A person's identifier where the path names one; any other parameter (a number or a new Guid for ids) names nobody.</summary>
    private static string Concrete(string path, string person) =>
        Parameter().Replace(path.Replace("{identifier}", person, StringComparison.Ordinal).Replace("{id}", "999999999", StringComparison.Ordinal)
            .Replace("{entryId}", "999999999", StringComparison.Ordinal)
            .Replace("{threadId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{caseId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{victimId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{orderId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{zoneId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{breachId}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{taskId}", Guid.NewGuid().ToString(), StringComparison.Ordinal), "matrix-nobody");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
