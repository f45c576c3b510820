using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace PublicProtectionHub.ServiceDefaults;

public static class AuthenticationExtensions
{
    public const string DefaultGatewayUrl = "http://127.0.0.1:5080";

    /// <summary>
    /// Validates the identity service's access tokens locally: signature (keys from its JWKS), issuer
    /// (the gateway's public URL), audience, lifetime and type <c>at+jwt</c>. Every endpoint requires an
    /// authenticated caller unless it says otherwise. Failures answer 401 with no detail.
    /// </summary>
    public static IHostApplicationBuilder AddHubAuthentication(this IHostApplicationBuilder builder, params string[] audiences)
    {
        var config = builder.Configuration;
        var issuer = (config["Hub:GatewayUrl"] ?? DefaultGatewayUrl).TrimEnd('/');
        var identity = new Uri((config["Services:identity"] ?? config["Hub:IdentityUrl"] ?? "http://127.0.0.1:5101").TrimEnd('/') + "/");

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.RequireHttpsMetadata = false; // metadata is fetched from the identity service inside the private network
            o.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
                new Uri(identity, ".well-known/openid-configuration").ToString(),
                new InternalMetadataRetriever(identity),
                new HttpDocumentRetriever { RequireHttps = false })
            {
                // A token signed by a key not yet seen (after a rotation) re-reads the JWKS at most this often.
                RefreshInterval = TimeSpan.FromSeconds(30),
            };
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuers = [issuer, issuer + "/"],
                ValidAudiences = audiences,
                ValidTypes = ["at+jwt"],
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                ValidateIssuerSigningKey = true,
                RequireSignedTokens = true,
                RequireExpirationTime = true,
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = HubClaims.Name,
                RoleClaimType = HubClaims.Role,
            };
            o.Events = new JwtBearerEvents { OnChallenge = WriteUnauthorizedProblemAsync };
        });
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(PeopleOnlyRequirement.Policy, p => p.RequireAuthenticatedUser().AddRequirements(new PeopleOnlyRequirement()));
        builder.Services.AddPeopleOnlyChallenge();
        return builder;
    }

    private static async Task WriteUnauthorizedProblemAsync(JwtBearerChallengeContext context)
    {
        // The default challenge names the reason (expired, bad signature...) in WWW-Authenticate: say nothing.
        context.HandleResponse();
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails = { Status = StatusCodes.Status401Unauthorized, Title = "Authentication is required." },
        });
    }
}
