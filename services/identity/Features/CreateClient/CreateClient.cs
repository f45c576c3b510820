using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using PublicProtectionHub.Identity.Access;
using PublicProtectionHub.Identity.Clients;
using PublicProtectionHub.Identity.Data;
using PublicProtectionHub.ServiceDefaults;

namespace PublicProtectionHub.Identity.Features.CreateClient;

/// <summary>
/// Registers a machine client (client credentials only; its permissions are the scopes given).
/// The secret is generated here and shown once, in the response.
/// </summary>
public static class CreateClient
{
    public sealed record CreateClientRequest(string? ClientId, string? DisplayName, List<string>? Scopes, Dictionary<string, string>? Claims);

    public sealed record CreatedClient(string ClientId, string ClientSecret, IReadOnlyList<string> Scopes, IReadOnlyDictionary<string, string> Claims);

    public static RouteGroupBuilder MapCreateClient(this RouteGroupBuilder api)
    {
        api.MapPost("/clients", HandleAsync);
        return api;
    }

    private static async Task<Results<Created<CreatedClient>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        CreateClientRequest request, ClientRegistry clients, UserManager<HubUser> users, CancellationToken ct)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var clientId = request.ClientId!;
        if (await clients.FindAsync(clientId, ct) is not null || await users.FindByNameAsync(clientId) is not null)
            return AdminApi.Conflict("A client or user with that name already exists.");

        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var scopes = request.Scopes!.Distinct().ToList();
        var claims = request.Claims ?? [];
        await clients.SaveMachineClientAsync(clientId, request.DisplayName!.Trim(), secret, scopes, claims, ct);
        return TypedResults.Created((string?)null, new CreatedClient(clientId, secret, scopes, claims));
    }

    private static Dictionary<string, string[]> Validate(CreateClientRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.ClientId is null || !ClientRegistry.ClientIdPattern().IsMatch(request.ClientId))
            errors["clientId"] = ["Required: 3 to 64 lower-case letters, digits or hyphens."];
        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Length > HubUser.MaxDisplayNameLength)
            errors["displayName"] = [$"Required, at most {HubUser.MaxDisplayNameLength} characters."];
        if (request.Scopes is not { Count: > 0 } scopes || !scopes.All(ApiScopes.IsApiScope))
            errors["scopes"] = [$"At least one of: {string.Join(", ", [.. ApiScopes.All, .. ApiScopes.External])}."];
        foreach (var group in ScopeClaims.Validate(HubRoles.Machine, request.Claims ?? []).GroupBy(e => e.Field))
            errors[group.Key] = group.Select(e => e.Message).ToArray();
        return errors;
    }
}
