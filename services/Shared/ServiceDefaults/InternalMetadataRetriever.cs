using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace PublicProtectionHub.ServiceDefaults;

/// <summary>
/// Reads the identity service's discovery document and JWKS from its internal address. The
/// document names public, gateway-based URLs, which a service inside the network may not reach.
/// </summary>
internal sealed class InternalMetadataRetriever(Uri identity) : IConfigurationRetriever<OpenIdConnectConfiguration>
{
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var configuration = OpenIdConnectConfiguration.Create(await retriever.GetDocumentAsync(address, cancel));
        var jwks = new Uri(identity, new Uri(configuration.JwksUri).PathAndQuery.TrimStart('/'));
        configuration.JsonWebKeySet = JsonWebKeySet.Create(await retriever.GetDocumentAsync(jwks.ToString(), cancel));
        foreach (var key in configuration.JsonWebKeySet.GetSigningKeys())
            configuration.SigningKeys.Add(key);
        return configuration;
    }
}
