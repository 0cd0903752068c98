using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;
using Visibility.Host.Ingest;
using Visibility.Storage;

namespace Visibility.Host.Hosting;

/// <summary>/health/live answers while the process runs; /health/ready when the silo is active, storage answers and the log is replayed.</summary>
public static class HealthSetup
{
    public static IServiceCollection AddVisibilityHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<SiloHealthCheck>("silo", tags: ["ready"])
            .AddCheck<StorageHealthCheck>("storage", tags: ["ready"])
            .AddCheck<RecoveryHealthCheck>("ingest-recovery", tags: ["ready"]);
        return services;
    }

    public static void MapVisibilityHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        // Readiness says why: each check's status and reason (storage down since when, restarting, replaying the log).
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteReportAsync });
    }

    private static Task WriteReportAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
    }

    private sealed class SiloHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct) =>
            Task.FromResult(membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress) == SiloStatus.Active
                ? HealthCheckResult.Healthy("silo active")
                : HealthCheckResult.Unhealthy("silo not active"));
    }

    /// <summary>Says why storage is not taking writes (down, stalled, restarting), from the monitor that gates the 503s.</summary>
    private sealed class StorageHealthCheck(StorageHealth health, IStorageDurability durability) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct) =>
            Task.FromResult(health.IsAvailable
                ? HealthCheckResult.Healthy($"{health.Status}; writes {durability.Guarantee}")
                : HealthCheckResult.Unhealthy(health.Status));
    }

    private sealed class RecoveryHealthCheck(RecoveryStatus status) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct) =>
            Task.FromResult(status.Recovered ? HealthCheckResult.Healthy("ingest log replayed") : HealthCheckResult.Unhealthy("replaying the ingest log"));
    }
}
