using Microsoft.AspNetCore.Http.HttpResults;
using PublicProtectionHub.Identity.Users;

namespace PublicProtectionHub.Identity.Features.ListUsers;

public static class ListUsers
{
    public static RouteGroupBuilder MapListUsers(this RouteGroupBuilder api)
    {
        api.MapGet("/users", HandleAsync);
        return api;
    }

    private static async Task<Ok<List<UserSummary>>> HandleAsync(UserAccounts accounts, CancellationToken ct) =>
        TypedResults.Ok(await accounts.ListAsync(ct));
}
