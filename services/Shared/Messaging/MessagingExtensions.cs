using System.ComponentModel.DataAnnotations;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
using PublicProtectionHub.Messaging.Inbox;
using PublicProtectionHub.Messaging.Outbox;
using PublicProtectionHub.ServiceDefaults;

namespace PublicProtectionHub.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// The service's own PostgreSQL database (<c>ConnectionStrings:Database</c>) with the outbox
    /// commit hook, and a readiness check on it.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TDbContext>(
        this IHostApplicationBuilder builder, Action<NpgsqlDbContextOptionsBuilder>? npgsql = null)
        where TDbContext : DbContext
    {
        var connectionString = WithPreparedStatements(builder.Configuration.GetConnectionString("Database")
            ?? throw new InvalidOperationException("ConnectionStrings:Database is not configured."));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxCommitInterceptor>();
        builder.Services.AddDbContext<TDbContext>((sp, o) => o
            .UseNpgsql(connectionString, n =>
            {
                n.MigrationsHistoryTable("__ef_migrations_history", MessageStoreModel.Schema);
                npgsql?.Invoke(n);
            })
            .AddInterceptors(sp.GetRequiredService<OutboxCommitInterceptor>()));
        builder.Services.AddScoped(sp => new MessageStoreContext(sp.GetRequiredService<TDbContext>()));
        builder.Services.AddHealthChecks().AddNpgSql(connectionString, name: "database", tags: [ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }

    /// <summary>
    /// Statements a service runs again and again are prepared once per connection (and kept across its reuse from the
    /// pool), so PostgreSQL does not parse and plan each of the dozen or so in a transaction every time. A connection
    /// string that sets <c>Max Auto Prepare</c> keeps its own value.
    /// </summary>
    private static string WithPreparedStatements(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 64;
        return builder.ConnectionString;
    }

    /// <summary>
    /// MassTransit over RabbitMQ with our outbox dispatcher and inbox. Endpoints are named
    /// <c>{service}-{consumer}</c> in kebab case.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging<TDbContext>(
        this IHostApplicationBuilder builder,
        string serviceName,
        Action<IBusRegistrationConfigurator>? consumers = null,
        Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? bus = null)
        where TDbContext : DbContext
    {
        var options = builder.Configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);

        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection($"{MessagingOptions.Section}:Outbox"));
        builder.Services.AddOptions<InboxOptions>()
            .Bind(builder.Configuration.GetSection($"{MessagingOptions.Section}:Inbox"))
            .Validate(o => o.Retention >= InboxOptions.MinimumRetention, "Messaging:Inbox:Retention must be at least 14 days.")
            .ValidateOnStart();
        builder.Services.AddHostedService<OutboxDispatcher<TDbContext>>();
        builder.Services.AddHostedService<MessageStoreJanitor<TDbContext>>();

        builder.Services.AddMassTransit(x =>
        {
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            // MassTransit would otherwise report its configuration to usage-tracking.masstransit.io: nothing leaves this network.
            x.ConfigureUsageTelemetryOptions(o => o.Enabled = false);
            x.ConfigureHealthCheckOptions(h =>
            {
                h.Name = "broker";
                h.Tags.Add(ServiceDefaultsExtensions.ReadyTag);
            });
            x.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                if (options.QueueType == QueueType.Quorum && endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                    rabbit.SetQuorumQueue(options.QuorumReplicas);
            });
            consumers?.Invoke(x);
            x.UsingRabbitMq((context, cfg) => ConfigureBus(context, cfg, options, bus));
        });
        return builder;
    }

    private static void ConfigureBus(
        IBusRegistrationContext context,
        IRabbitMqBusFactoryConfigurator cfg,
        MessagingOptions options,
        Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? bus)
    {
        cfg.Host(options.Host, (ushort)options.Port, options.VirtualHost, h =>
        {
            h.Username(options.Username);
            h.Password(options.Password);
            h.PublisherConfirmation = true;
        });
        cfg.PrefetchCount = options.PrefetchCount;
        cfg.UseMessageRetry(r =>
        {
            r.Intervals(options.RetryIntervalsMs);
            r.Ignore<MessageRejectedException>();
            r.Ignore<ValidationException>();
            r.Ignore<System.Text.Json.JsonException>();
        });
        cfg.UsePublishFilter(typeof(SensitiveFaultFilter<>), context);
        bus?.Invoke(context, cfg);
        cfg.UseConsumeFilter(typeof(InboxFilter<>), context);
        cfg.ConfigureEndpoints(context);
    }

    /// <summary>
    /// <c>--migrate</c> applies the service's migrations and exits; otherwise the service runs.
    /// </summary>
    public static async Task RunServiceAsync<TDbContext>(this IHost app, string[] args)
        where TDbContext : DbContext
    {
        if (args.Contains("--migrate"))
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TDbContext>().Database.MigrateAsync();
            return;
        }

        await app.RunAsync();
    }
}
