namespace Visibility.Host.Ingest;

public static class IngestSetup
{
    /// <summary>Telemetry ingest: directory, ingestor, start-up replay (after the silo) and the periodic checkpoint.</summary>
    public static IServiceCollection AddVisibilityIngest(this IServiceCollection services)
    {
        services.AddSingleton<ShipmentDirectory>();
        services.AddSingleton<DispatchGate>();
        services.AddSingleton<IngestMetrics>();
        services.AddSingleton<RecoveryStatus>();
        services.AddSingleton<TelemetryIngestor>();
        services.AddHostedService<IngestRecovery>();
        services.AddHostedService<StartupWarmup>();
        services.AddSingleton<IngestCheckpointService>();
        services.AddHostedService(sp => sp.GetRequiredService<IngestCheckpointService>());
        return services;
    }
}
