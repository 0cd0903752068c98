using Visibility.Grains.Factories;
using Visibility.Grains.Registry;
using Visibility.Grains.Shipments;

namespace Visibility.Host.Ingest;

/// <summary>
/// After the log replay, wakes every known shipment and factory so the map and the board show the whole picture
/// right after a restart, not only what has reported since. Runs in the background: the host serves meanwhile.
/// </summary>
public sealed class StartupWarmup(
    ShipmentDirectory directory,
    RecoveryStatus recovery,
    IGrainFactory grains,
    ILogger<StartupWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!recovery.Recovered) await Task.Delay(100, stoppingToken);
        await Hosting.StorageRetry.RunAsync("Warm-up", WarmUpAsync, logger, stoppingToken);
    }

    private async Task WarmUpAsync(CancellationToken stoppingToken)
    {
        var started = DateTime.UtcNow;
        var factories = await grains.GetGrain<IRegistryGrain>(Registries.Factories).All();
        await Parallel.ForEachAsync(factories, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = stoppingToken },
            async (id, _) => await grains.GetGrain<IFactoryGrain>(id).GetView());
        var shipments = directory.All.ToList();
        await Parallel.ForEachAsync(shipments, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = stoppingToken },
            async (id, _) => await grains.GetGrain<IShipmentGrain>(id).Wake());
        logger.LogInformation("Warm-up: {Factories} factories and {Shipments} shipments active in {Ms} ms",
            factories.Length, shipments.Count, (long)(DateTime.UtcNow - started).TotalMilliseconds);
    }
}
