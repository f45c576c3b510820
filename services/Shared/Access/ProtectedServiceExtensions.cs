using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PublicProtectionHub.Access.Features;
using PublicProtectionHub.Audit;
using PublicProtectionHub.Messaging;
using PublicProtectionHub.ServiceDefaults;

namespace PublicProtectionHub.Access;

/// <summary>What every service holding person data shares: its database and bus, token validation, need-to-know and the audit log.</summary>
public static class ProtectedServiceExtensions
{
    public static IHostApplicationBuilder AddProtectedService<TDbContext>(
        this IHostApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator>? consumers = null,
        Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? bus = null)
        where TDbContext : DbContext
    {
        builder.AddServiceDatabase<TDbContext>();
        builder.AddMessaging<TDbContext>(serviceName, x =>
        {
            x.AddConsumer<ResponsibilityChangedConsumer, ResponsibilityChangedConsumerDefinition>();
            consumers?.Invoke(x);
        }, bus);
        builder.AddHubAuthentication(serviceName);
        builder.Services.AddAuditLog<TDbContext>();
        builder.Services.AddScoped<PersonAccess>();
        return builder;
    }

    /// <summary>
    /// The service's API group for people, <c>/api/{service}</c>, with the lookups every service answers.
    /// Machine clients' endpoints are mapped apart, each with its own policy.
    /// </summary>
    public static RouteGroupBuilder MapProtectedServiceApi(this WebApplication app, string serviceName) =>
        app.MapGroup($"/api/{serviceName}")
            .RequireAuthorization(PeopleOnlyRequirement.Policy)
            .MapResponsibilityLookup()
            .MapAuditLog();
}
