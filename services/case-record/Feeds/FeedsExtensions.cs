using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.CaseRecord.Features.GetIntelligenceFeed;
using PublicProtectionHub.Messaging;

namespace PublicProtectionHub.CaseRecord.Feeds;

public static class FeedsExtensions
{
    public static void AddIntelligenceFeed(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<MessagingOptions>(builder.Configuration.GetSection(MessagingOptions.Section));
        builder.Services.AddIntelligenceFeedPolicy();
        builder.Services.AddHostedService<IntelligenceExchange>();
    }

    public static ModelBuilder AddFeeds(this ModelBuilder model)
    {
        model.Entity<RelayPosition>(e =>
        {
            e.ToTable("relay_positions", "feeds");
            e.HasKey(x => x.Relay);
            e.Property(x => x.Relay).HasMaxLength(50);
        });
        return model;
    }
}
