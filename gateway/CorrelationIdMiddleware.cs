using System.Diagnostics;

namespace PublicProtectionHub.Gateway;

/// <summary>
/// One id per request, from the caller's <c>X-Correlation-Id</c> when it is a short token
/// (<c>^[A-Za-z0-9-]{8,64}$</c>), else the trace id. Returned to the caller, forwarded to the
/// service (<see cref="ForwardedRequest"/>) and put in the logging scope.
/// </summary>
internal sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public const string HeaderName = "X-Correlation-Id";
    private static readonly object ItemKey = new();
    private static readonly Func<ILogger, string, IDisposable?> Scope =
        LoggerMessage.DefineScope<string>("CorrelationId:{CorrelationId}");

    public async Task InvokeAsync(HttpContext context)
    {
        var id = Accept(context.Request.Headers[HeaderName])
                 ?? Activity.Current?.TraceId.ToHexString()
                 ?? ActivityTraceId.CreateRandom().ToHexString();
        context.Items[ItemKey] = id;
        Activity.Current?.SetTag("hub.correlation_id", id);
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = id; // replaces any the service sent
            return Task.CompletedTask;
        });

        using (Scope(logger, id))
            await next(context);
    }

    public static string? Of(HttpContext context) => context.Items[ItemKey] as string;

    private static string? Accept(Microsoft.Extensions.Primitives.StringValues values)
    {
        if (values.Count != 1 || values[0] is not { Length: >= 8 and <= 64 } value)
            return null;
        foreach (var c in value)
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                return null;
        return value;
    }
}
