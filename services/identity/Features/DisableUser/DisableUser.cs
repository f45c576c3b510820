using Microsoft.AspNetCore.Http.HttpResults;
using PublicProtectionHub.Identity.Users;

namespace PublicProtectionHub.Identity.Features.DisableUser;

/// <summary>Disabling stops sign-in and refresh at once; access tokens already issued expire within their lifetime.</summary>
public static class DisableUser
{
    public static RouteGroupBuilder MapDisableUser(this RouteGroupBuilder api)
    {
        api.MapPost("/users/{userName}/disable", HandleAsync);
        return api;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        string userName, UserAccounts accounts, CancellationToken ct) =>
        await accounts.DisableAsync(userName, ct) ? TypedResults.NoContent() : AdminApi.NotFound("user");
}
