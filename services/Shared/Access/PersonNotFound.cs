using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PublicProtectionHub.Access;

public static class PersonNotFound
{
    /// <summary>
    /// The one answer for "no such person" and "not yours": it must not tell them apart.
    /// A <see cref="ProblemHttpResult"/> rather than <c>NotFound&lt;ProblemDetails&gt;</c>, which would be written as application/json.
    /// </summary>
    public static ProblemHttpResult Problem() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "No such person.",
        detail: "There is no person with that identifier that you are responsible for.");
}
