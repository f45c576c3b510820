using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PublicProtectionHub.Messaging.TestService;

/// <summary>Builds a host wired exactly like a service: our database, outbox, inbox and bus.</summary>
public static class BackboneHost
{
    public const string ServiceName = "backbone";

    public static HostApplicationBuilder CreateBuilder(
        IDictionary<string, string?> settings, bool consume = true, bool killAfterCommit = false)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.AddServiceDatabase<BackboneDbContext>();
        builder.AddMessaging<BackboneDbContext>(
            ServiceName,
            consumers: consume ? x => x.AddConsumer<ChangeRecordedConsumer, ChangeRecordedConsumerDefinition>() : null,
            bus: killAfterCommit ? (context, cfg) => cfg.UseConsumeFilter(typeof(KillAfterCommitFilter<>), context) : null);
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        KillAfterCommitFilter<ChangeRecorded>.Armed = killAfterCommit;
        return builder;
    }
}
