using Microsoft.EntityFrameworkCore;
using PublicProtectionHub.CaseRecord.Data;
using PublicProtectionHub.CaseRecord.Push.Escalation;

namespace PublicProtectionHub.CaseRecord.Push;

public static class PushExtensions
{
    public static void AddPush(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<PushOptions>(builder.Configuration.GetSection(PushOptions.Section));
        builder.Services.AddScoped<PushRouter>();
        builder.Services.AddScoped<EscalationSweep>();
        builder.Services.AddSingleton<InboxSignals>();
        builder.Services.AddSingleton<InboxCommitInterceptor>();
        builder.Services.ConfigureDbContext<CaseRecordDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<InboxCommitInterceptor>()));
        builder.Services.AddHostedService<InboxNotifications>();
        builder.Services.AddHostedService<EscalationService>();
        builder.Services.AddInboxPolicy();
    }
}
