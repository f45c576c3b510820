using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace PublicProtectionHub.Audit;

/// <summary>
/// Fail closed, visibly: when the audit log cannot be written the caller gets 503 and nothing
/// else (no data was returned, no change was kept), and is told to try again.
/// </summary>
internal sealed class AuditUnavailableHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not AuditUnavailableException) return false;
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = "30";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The audit log is unavailable.",
                Detail = "Nothing was returned or changed, because the access could not be recorded. Try again shortly.",
            },
        });
    }
}
