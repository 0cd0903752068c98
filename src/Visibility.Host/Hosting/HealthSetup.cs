using Azure.Storage.Blobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;
using Visibility.Host.Ingest;

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
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") });
    }

    private sealed class SiloHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct) =>
            Task.FromResult(membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress) == SiloStatus.Active
                ? HealthCheckResult.Healthy("silo active")
                : HealthCheckResult.Unhealthy("silo not active"));
    }

    private sealed class StorageHealthCheck(BlobServiceClient blobs) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(3));
                await blobs.GetBlobContainerClient("ingest-log").ExistsAsync(timeout.Token);
                return HealthCheckResult.Healthy("blob storage answers");
            }
            catch (Exception ex)
            {
                return HealthCheckResult.Unhealthy("blob storage unreachable: " + ex.GetType().Name);
            }
        }
    }

    private sealed class RecoveryHealthCheck(RecoveryStatus status) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct) =>
            Task.FromResult(status.Recovered ? HealthCheckResult.Healthy("ingest log replayed") : HealthCheckResult.Unhealthy("replaying the ingest log"));
    }
}
