using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace PublicProtectionHub.Identity.Tokens;

/// <summary>
/// Requests reach this service through the gateway, whose proxy sends the service's own Host.
/// Once OpenIddict has matched the endpoint against the real request, the base URI becomes the
/// issuer (the gateway's public address), so discovery and JWKS name the gateway's endpoints.
/// </summary>
internal sealed class UseIssuerAsBaseUri : IOpenIddictServerHandler<ProcessRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessRequestContext>()
            .UseSingletonHandler<UseIssuerAsBaseUri>()
            .SetOrder(OpenIddictServerHandlers.InferEndpointType.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ProcessRequestContext context)
    {
        if (context.Options.Issuer is { } issuer)
            context.BaseUri = issuer;
        return ValueTask.CompletedTask;
    }
}
