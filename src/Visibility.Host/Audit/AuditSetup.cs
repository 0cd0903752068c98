using Visibility.Host.Hosting;
using Visibility.Storage;

namespace Visibility.Host.Audit;

/// <summary>The audit log: its own append log in blob storage ("Audit:Container", default "audit-log"), the write middleware and the telemetry summary.</summary>
public static class AuditSetup
{
    public static IServiceCollection AddVisibilityAudit(this IServiceCollection services, StorageConnection storage, IConfiguration configuration)
    {
        services.AddSingleton(sp => new AuditLog(
            new IngestLog(new IngestLogOptions
            {
                ConnectionString = storage.ConnectionString,
                ContainerName = configuration["Audit:Container"] ?? "audit-log",
                MaxSegmentBytes = 8L * 1024 * 1024,
                MaxBlockBytes = 1024 * 1024,
                MaxPendingRecords = 4_096,
            }, sp.GetRequiredService<ILogger<IngestLog>>()),
            sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<AuditLogLifetime>();
        services.AddSingleton<TelemetryAuditSummary>();
        services.AddHostedService(sp => sp.GetRequiredService<TelemetryAuditSummary>());
        return services;
    }

    public static IApplicationBuilder UseVisibilityAudit(this IApplicationBuilder app) => app.UseMiddleware<AuditMiddleware>();

    /// <summary>Opens the log at start (before requests), rolls it hourly, closes it last at shutdown.</summary>
    private sealed class AuditLogLifetime(AuditLog audit, ILogger<AuditLogLifetime> logger) : BackgroundService
    {
        public override async Task StartAsync(CancellationToken cancellationToken)
        {
            await audit.InitializeAsync(cancellationToken);
            await base.StartAsync(cancellationToken);
        }

        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
            try
            {
                while (await timer.WaitForNextTickAsync(stoppingToken))
                {
                    try { await audit.RollIfDueAsync(stoppingToken); }
                    catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogWarning(ex, "Audit: rolling the log failed"); }
                }
            }
            catch (OperationCanceledException) { }
        }

        public override async Task StopAsync(CancellationToken cancellationToken)
        {
            await base.StopAsync(cancellationToken);
            await audit.DisposeAsync();
        }
    }
}
