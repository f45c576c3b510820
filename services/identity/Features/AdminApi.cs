using Microsoft.AspNetCore.Http.HttpResults;
using OpenIddict.Validation.AspNetCore;
using PublicProtectionHub.Identity.Access;
using PublicProtectionHub.ServiceDefaults;

namespace PublicProtectionHub.Identity.Features;

/// <summary>
/// <c>/api/identity</c>: users and clients, for administrators only. Bearer tokens are checked by
/// OpenIddict's validation handler against this server, with audience <c>identity</c>.
/// </summary>
internal static class AdminApi
{
    public const string Policy = "identity-admin";

    public static void AddAdminPolicy(this IServiceCollection services) => services.AddAuthorizationBuilder()
        .AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .AddRequirements(new PeopleOnlyRequirement())
            .RequireRole(HubRoles.Admin))
        .Services.AddPeopleOnlyChallenge();

    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/identity").RequireAuthorization(Policy).DisableAntiforgery();

    // ProblemHttpResult rather than NotFound<ProblemDetails>: it is written as application/problem+json.
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No such {what}.");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The name is already taken.", detail: detail);
}
