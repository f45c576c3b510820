using Microsoft.AspNetCore.Http;

namespace PublicProtectionHub.ServiceDefaults;

/// <summary>
/// RFC 9457 problem details that never carry a stack trace, an exception message or the
/// caller's input back: a rejected value may be personal data.
/// </summary>
internal static class ProblemDetailsPolicy
{
    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Extensions.Remove("exception");
        problem.Extensions.Remove("errors");
        if (context.Exception is not null)
        {
            var status = context.Exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
            problem.Status = status;
            problem.Title = status == StatusCodes.Status500InternalServerError ? "An unexpected error occurred." : "The request could not be read.";
            problem.Detail = status == StatusCodes.Status500InternalServerError
                ? "The error has been logged. Quote the trace id when reporting it."
                : "The request body or a parameter is not in the expected form.";
            context.HttpContext.Response.StatusCode = status;
        }

        problem.Instance ??= context.HttpContext.Request.Path;
        problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
    }
}
