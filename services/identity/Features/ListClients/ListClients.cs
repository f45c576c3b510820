using Microsoft.AspNetCore.Http.HttpResults;
using PublicProtectionHub.Identity.Clients;

namespace PublicProtectionHub.Identity.Features.ListClients;

public static class ListClients
{
    public static RouteGroupBuilder MapListClients(this RouteGroupBuilder api)
    {
        api.MapGet("/clients", HandleAsync);
        return api;
    }

    private static async Task<Ok<List<RegisteredClient>>> HandleAsync(ClientRegistry clients, CancellationToken ct) =>
        TypedResults.Ok(await clients.ListAsync(ct));
}
