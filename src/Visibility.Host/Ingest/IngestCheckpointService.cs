using Visibility.Grains.Shipments;
using Visibility.Storage;

namespace Visibility.Host.Ingest;

/// <summary>
/// Keeps the ingest log short. Every interval: roll the log to a new segment, wait until all requests of the old
/// segments have reached their grains, make those grains write their state, and only then record the checkpoint
/// (which deletes the old segments). A crash at any point leaves the log holding every reading not yet in grain state.
/// </summary>
public sealed class IngestCheckpointService(
    IngestLog log,
    DispatchGate gate,
    TelemetryIngestor ingestor,
    IGrainFactory grains,
    IStorageDurability durability,
    RecoveryStatus recovery,
    IConfiguration configuration,
    ILogger<IngestCheckpointService> logger) : BackgroundService
{
    /// <summary>
    /// High on purpose: the packed storage uploads a partition once for all the grains staged in it, so asking every
    /// dirty shipment to write at nearly the same time costs ~one upload per partition rather than one per few grains.
    /// </summary>
    private const int FlushParallelism = 4_096;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(configuration.GetValue("Ingest:CheckpointSeconds", 30));
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!recovery.Recovered) continue;
            try { await CheckpointAsync(stoppingToken); }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
            catch (Exception ex) { logger.LogError(ex, "Ingest checkpoint failed; the log keeps its segments and the next round retries"); }
        }
    }

    /// <summary>
    /// A last checkpoint on graceful shutdown (this service stops before the silo, so grains can still write): the next
    /// start then replays nothing instead of the whole tail.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!recovery.Recovered) return;
        try { await CheckpointAsync(cancellationToken); }
        catch (Exception ex) { logger.LogWarning(ex, "Final ingest checkpoint failed; the next start replays the log tail"); }
    }

    public async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        var position = await log.RollAsync();
        await gate.AdvanceAndDrainAsync();
        if (!await ingestor.RetryFailedAsync())
        {
            logger.LogWarning("Ingest checkpoint postponed: some readings have not reached their shipments yet");
            return;
        }
        var dirty = ingestor.TakeDirtyShipments();
        var failed = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(dirty, new ParallelOptions { MaxDegreeOfParallelism = FlushParallelism, CancellationToken = cancellationToken },
            async (id, _) =>
            {
                try { await grains.GetGrain<IShipmentGrain>(id).Flush(); }
                catch (Exception ex)
                {
                    failed.Add(id);
                    logger.LogWarning(ex, "Writing shipment {ShipmentId} failed during checkpoint", id);
                }
            });
        if (!failed.IsEmpty)
        {
            // Their readings exist only in the log: keep every segment and try these shipments again next round.
            ingestor.MarkDirty(failed);
            logger.LogWarning("Ingest checkpoint postponed: {Count} shipments could not be written", failed.Count);
            return;
        }
        // The snapshots must be durable before the log forgets the readings they hold (on the embedded default a written
        // blob is only safe once Azurite's index is saved).
        await durability.WaitDurableAsync(cancellationToken);
        await log.CheckpointAsync(position);
        logger.LogInformation("Ingest checkpoint at {Position}: {Shipments} shipments written in {Ms} ms",
            position, dirty.Count, (long)(DateTime.UtcNow - started).TotalMilliseconds);
    }
}
