using MassTransit;
using PublicProtectionHub.Access;
using PublicProtectionHub.PhoneNumbers;
using PublicProtectionHub.TelephoneMonitoring.Alerts;
using PublicProtectionHub.TelephoneMonitoring.Authorisations;
using PublicProtectionHub.TelephoneMonitoring.Calls;
using PublicProtectionHub.TelephoneMonitoring.Data;
using PublicProtectionHub.TelephoneMonitoring.Features.AuthoriseMonitoring;
using PublicProtectionHub.TelephoneMonitoring.Features.ListMonitoringAuthorisations;
using PublicProtectionHub.TelephoneMonitoring.Features.ListNumbersOfConcern;
using PublicProtectionHub.TelephoneMonitoring.Features.ReceiveCallRecords;
using PublicProtectionHub.TelephoneMonitoring.Features.RecordCallReview;
using PublicProtectionHub.TelephoneMonitoring.Features.RecordNumberOfConcern;
using PublicProtectionHub.TelephoneMonitoring.Features.RenewMonitoringAuthorisation;
using PublicProtectionHub.TelephoneMonitoring.Features.ScreenNumber;
using PublicProtectionHub.TelephoneMonitoring.Features.TraceNumber;
using PublicProtectionHub.TelephoneMonitoring.Jobs;
using PublicProtectionHub.TelephoneMonitoring.Watchlist;

namespace PublicProtectionHub.TelephoneMonitoring;

public static class Extensions
{
    public const string ServiceName = "telephone-monitoring";

    public static void AddTelephoneMonitoring(this IHostApplicationBuilder builder)
    {
        builder.AddProtectedService<TelephoneMonitoringDbContext>(ServiceName, bus => bus.AddConsumers(typeof(Extensions).Assembly));
        builder.Services.AddPhoneNumberHasher(builder.Configuration);
        var section = builder.Configuration.GetSection(TelephoneMonitoringOptions.Section);
        builder.Services.Configure<TelephoneMonitoringOptions>(section);
        var options = section.Get<TelephoneMonitoringOptions>() ?? new TelephoneMonitoringOptions();

        builder.Services.AddScoped<OrderWatchlist>();
        builder.Services.AddScoped<WatchlistMatcher>();
        builder.Services.AddScoped<AlertAggregator>();
        builder.Services.AddScoped<CallRecordBatch>();
        builder.Services.AddScoped<ReviewDueSweep>();
        builder.Services.AddScoped<CallRecordRetention>();
        builder.Services.AddHostedService<TelephoneMonitoringSweeps>();
        builder.Services.AddCallRecordsPolicy();
        builder.Services.AddScreeningRateLimit(options.Screening);
        builder.Services.AddSingleton<ProhibitedNumbers>();
        builder.Services.AddSingleton<ScreeningAudit>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ScreeningAudit>());
    }

    public static void MapTelephoneMonitoringEndpoints(this WebApplication app)
    {
        app.UseRateLimiter();
        app.MapProtectedServiceApi(ServiceName)
            .MapRecordNumberOfConcern()
            .MapListNumbersOfConcern()
            .MapAuthoriseMonitoring()
            .MapRenewMonitoringAuthorisation()
            .MapListMonitoringAuthorisations()
            .MapRecordCallReview()
            .MapTraceNumber();

        // The PIN phone provider's endpoints: outside the people-only group, with their own policy.
        app.MapReceiveCallRecords(ServiceName);
        app.MapScreenNumber(ServiceName);
    }
}
