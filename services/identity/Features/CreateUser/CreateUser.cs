using Microsoft.AspNetCore.Http.HttpResults;
using PublicProtectionHub.Identity.Users;

namespace PublicProtectionHub.Identity.Features.CreateUser;

public static class CreateUser
{
    public sealed record CreateUserRequest(string? UserName, string? Password, string? DisplayName, string? Role, Dictionary<string, string>? Claims);

    public static RouteGroupBuilder MapCreateUser(this RouteGroupBuilder api)
    {
        api.MapPost("/users", HandleAsync);
        return api;
    }

    private static async Task<Results<Created<UserSummary>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        CreateUserRequest request, UserAccounts accounts, CancellationToken ct)
    {
        var claims = request.Claims ?? [];
        var errors = UserAccounts.Validate(request.UserName, request.DisplayName, request.Role, claims);
        if (string.IsNullOrEmpty(request.Password))
            errors["password"] = ["Required."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var details = new UserDetails(request.UserName!.Trim(), request.DisplayName!.Trim(), request.Role!, claims);
        var result = await accounts.SaveAsync(details, request.Password!, updateExisting: false, ct);
        return result.Outcome switch
        {
            SaveOutcome.Created => TypedResults.Created(
                (string?)null, new UserSummary(details.UserName, details.DisplayName, details.Role, Disabled: false, claims)),
            SaveOutcome.Conflict => AdminApi.Conflict("A user or client with that name already exists."),
            _ => TypedResults.ValidationProblem(result.Errors),
        };
    }
}
