using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PublicProtectionHub.ServiceDefaults;

/// <summary>
/// Endpoints for people signed in with a role of ACCESS.md. A machine client has its own endpoints
/// and is limited to them: its token does not authenticate it anywhere else, so it gets 401.
/// </summary>
public sealed class PeopleOnlyRequirement : AuthorizationHandler<PeopleOnlyRequirement>, IAuthorizationRequirement
{
    public const string Policy = "people-only";

    public static bool IsPerson(ClaimsPrincipal user) =>
        user.FindFirstValue(HubClaims.Role) is { } role && HubRoles.All.Contains(role);

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PeopleOnlyRequirement requirement)
    {
        if (IsPerson(context.User)) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Turns the 403 of a failed <see cref="PeopleOnlyRequirement"/> into the 401 challenge, and gives
/// every other 403 a problem body (the authorization middleware runs before the status code pages).
/// </summary>
internal sealed class HubAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (!result.Forbidden)
        {
            await _default.HandleAsync(next, context, policy, result);
            return;
        }

        if (result.AuthorizationFailure?.FailedRequirements.OfType<PeopleOnlyRequirement>().Any() == true)
        {
            await _default.HandleAsync(next, context, policy, PolicyAuthorizationResult.Challenge());
            return;
        }

        await _default.HandleAsync(next, context, policy, result);
        if (!context.Response.HasStarted)
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status403Forbidden, Title = "Your role does not allow this." },
            });
    }
}

public static class PeopleOnlyExtensions
{
    /// <summary>Registers <see cref="HubAuthorizationResultHandler"/> in place of the default.</summary>
    public static IServiceCollection AddPeopleOnlyChallenge(this IServiceCollection services)
    {
        services.RemoveAll<IAuthorizationMiddlewareResultHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, HubAuthorizationResultHandler>();
        return services;
    }
}
