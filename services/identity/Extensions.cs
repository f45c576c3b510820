using MassTransit;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using PublicProtectionHub.Identity.Access;
using PublicProtectionHub.Identity.Clients;
using PublicProtectionHub.Identity.Data;
using PublicProtectionHub.Identity.Features;
using PublicProtectionHub.Identity.Features.Authorize;
using PublicProtectionHub.Identity.Features.CreateClient;
using PublicProtectionHub.Identity.Features.CreateUser;
using PublicProtectionHub.Identity.Features.DisableClient;
using PublicProtectionHub.Identity.Features.DisableUser;
using PublicProtectionHub.Identity.Features.EndSession;
using PublicProtectionHub.Identity.Features.ListClients;
using PublicProtectionHub.Identity.Features.ListUsers;
using PublicProtectionHub.Identity.Features.Login;
using PublicProtectionHub.Identity.Features.Logout;
using PublicProtectionHub.Identity.Features.Token;
using PublicProtectionHub.Identity.Features.UserInfo;
using PublicProtectionHub.Identity.Keys;
using PublicProtectionHub.Identity.Seeding;
using PublicProtectionHub.Identity.Tokens;
using PublicProtectionHub.Identity.Users;
using PublicProtectionHub.Messaging;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace PublicProtectionHub.Identity;

public static class Extensions
{
    public const string ServiceName = "identity";

    public static void AddIdentity(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IdentityDbContext>();
        builder.AddMessaging<IdentityDbContext>(ServiceName, bus => bus.AddConsumers(typeof(Extensions).Assembly),
            (_, bus) => bus.PublishPractitionerAccountsMandatory());

        var settings = ServerSettings.From(builder.Configuration, builder.Environment);
        builder.Services.AddUserAccounts();
        builder.Services.AddTokenServer(builder, settings);
        builder.Services.AddAdminPolicy();
        builder.Services.AddAntiforgery();
        // Session cookies and antiforgery tokens survive a restart, like the signing keys.
        builder.Services.AddDataProtection()
            .SetApplicationName(ServiceName)
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(settings.StateDir, "identity", "data-protection")));
        builder.Services.AddScoped<UserAccounts>();
        builder.Services.AddScoped<PractitionerDirectorySnapshot>();
        builder.Services.AddScoped<ClientRegistry>();
        builder.Services.AddScoped<TokenPrincipals>();
        builder.Services.AddHostedService<IdentitySeeder>();
    }

    public static void MapIdentityEndpoints(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapAuthorize().MapToken().MapEndSession().MapUserInfo();
        app.MapLogin().MapLogout();
        app.MapAdminApi()
            .MapListUsers().MapCreateUser().MapDisableUser()
            .MapListClients().MapCreateClient().MapDisableClient();
    }

    private static void AddUserAccounts(this IServiceCollection services)
    {
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<HubUser>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                // Length over composition rules (NCSC / NIST 800-63B guidance).
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
            })
            .AddSignInManager<HubSignInManager>()
            .AddEntityFrameworkStores<IdentityDbContext>();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = LoginPage.Path;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        // A disabled user's session ends within a minute (disabling changes the security stamp).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
    }

    private static void AddTokenServer(this IServiceCollection services, IHostApplicationBuilder builder, ServerSettings settings)
    {
        var contentRoot = builder.Environment.ContentRootPath;
        var signing = ServerCertificates.Load(builder.Configuration, contentRoot, settings.StateDir, CertificateUse.Signing);
        var encryption = ServerCertificates.Load(builder.Configuration, contentRoot, settings.StateDir, CertificateUse.Encryption);

        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(o =>
            {
                // Relative endpoint URIs are published in discovery under the issuer: the gateway's address.
                o.SetIssuer(settings.Issuer);
                o.AddEventHandler(UseIssuerAsBaseUri.Descriptor);
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/endsession")
                    .SetUserInfoEndpointUris("connect/userinfo");

                o.Configure(options => options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow();
                o.RegisterScopes([.. ApiScopes.UserScopes, .. ApiScopes.All, .. ApiScopes.External]);
                o.RegisterClaims([Claims.Subject, Claims.Name, Claims.PreferredUsername, Claims.Role, Claims.ClientId, .. ScopeClaims.All]);

                o.SetAccessTokenLifetime(settings.AccessTokenLifetime).SetRefreshTokenLifetime(settings.RefreshTokenLifetime);
                o.DisableAccessTokenEncryption();
                foreach (var certificate in signing)
                    o.AddSigningCertificate(certificate);
                foreach (var certificate in encryption)
                    o.AddEncryptionCertificate(certificate);

                var aspNetCore = o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough();
                // The local stack runs plain HTTP on loopback; anywhere else TLS is required.
                if (builder.Environment.IsDevelopment() || settings.IsLocalPlainHttp)
                    aspNetCore.DisableTransportSecurityRequirement();
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseAspNetCore();
                o.AddAudiences(ApiScopes.Identity);
                // The admin API is rarely called: check each token is still live (not revoked) in the store.
                o.EnableTokenEntryValidation();
            });
    }
}
