using Microsoft.AspNetCore.Http.HttpResults;
using PublicProtectionHub.Identity.Clients;

namespace PublicProtectionHub.Identity.Features.DisableClient;

/// <summary>
/// Revokes a client: it is marked disabled (kept, so its id is never reissued), its stored
/// tokens are revoked, and the token endpoint refuses it from then on.
/// </summary>
public static class DisableClient
{
    public static RouteGroupBuilder MapDisableClient(this RouteGroupBuilder api)
    {
        api.MapPost("/clients/{clientId}/disable", HandleAsync);
        return api;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        string clientId, ClientRegistry clients, CancellationToken ct) =>
        await clients.DisableAsync(clientId, ct) ? TypedResults.NoContent() : AdminApi.NotFound("client");
}
