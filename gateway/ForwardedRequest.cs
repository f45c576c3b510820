using Yarp.ReverseProxy.Transforms;

namespace PublicProtectionHub.Gateway;

/// <summary>
/// What the gateway changes on a proxied request. YARP's default transforms already replace the
/// caller's <c>X-Forwarded-For/-Proto/-Host/-Prefix</c> with its own; here the other headers a
/// service or library might believe about the client or the URL are dropped, and the
/// correlation id is set.
/// </summary>
internal static class ForwardedRequest
{
    private static readonly string[] Spoofable =
    [
        "Forwarded", "X-Forwarded-Port", "X-Forwarded-Server", "X-Forwarded-Ssl", "X-Forwarded-Scheme",
        "X-Real-IP", "X-Client-IP", "X-Original-For", "X-Original-Host", "X-Original-Proto",
        "X-Original-URL", "X-Rewrite-URL",
    ];

    public static ValueTask ApplyAsync(RequestTransformContext context)
    {
        var headers = context.ProxyRequest.Headers;
        foreach (var name in Spoofable)
            headers.Remove(name);

        headers.Remove(CorrelationIdMiddleware.HeaderName);
        if (CorrelationIdMiddleware.Of(context.HttpContext) is { } id)
            headers.TryAddWithoutValidation(CorrelationIdMiddleware.HeaderName, id);
        return ValueTask.CompletedTask;
    }
}
