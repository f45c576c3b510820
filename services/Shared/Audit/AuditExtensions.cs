using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PublicProtectionHub.Audit;

public static class AuditExtensions
{
    public static IServiceCollection AddAuditLog<TDbContext>(this IServiceCollection services) where TDbContext : DbContext =>
        services
            .AddSingleton<AuditCommitInterceptor>()
            .ConfigureDbContext<TDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<AuditCommitInterceptor>()))
            .AddScoped(sp => new DbContextAccessor(sp.GetRequiredService<TDbContext>()))
            .AddScoped(sp => new AuditLog(
                sp.GetRequiredService<TDbContext>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<AuditLog>>()))
            .AddExceptionHandler<AuditUnavailableHandler>();
}
