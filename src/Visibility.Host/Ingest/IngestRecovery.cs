using System.Diagnostics;
using Visibility.Domain.Telemetry;
using Visibility.Grains;
using Visibility.Storage;

namespace Visibility.Host.Ingest;

/// <summary>
/// Start-up, after the silo and the ingest log are up and before the server takes requests: learn which shipments exist, then replay the
/// ingest log from the last checkpoint so every acknowledged reading is in its grain again.
/// </summary>
public sealed class IngestRecovery(
    IngestLog log,
    [FromKeyedServices(StorageProviders.Shipments)] Orleans.Storage.IGrainStorage shipmentStorage,
    ShipmentDirectory directory,
    TelemetryIngestor ingestor,
    RecoveryStatus status,
    ILogger<IngestRecovery> logger) : IHostedService
{
    /// <summary>Records replayed per dispatch round: readings of one shipment across records become one grain call.</summary>
    private const int ReplayChunk = 256;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var sw = Stopwatch.StartNew();
        foreach (var id in await ((PackedBlobGrainStorage)shipmentStorage).ListGrainIdsAsync("shipment"))
            directory.Add(id.Key.ToString()!);
        logger.LogInformation("Recovery: {Count} shipments known in storage ({Ms} ms)", directory.Count, sw.ElapsedMilliseconds);

        var from = await log.ReadCheckpointAsync();
        long records = 0, readings = 0, applied = 0;
        var chunk = new List<AddressedReading>();
        int inChunk = 0;
        await foreach (var record in log.ReadFromAsync(from, cancellationToken))
        {
            var parsed = TelemetryBatchParser.Parse(record.Payload.Span, directory.Contains, now: null);
            records++;
            if (!parsed.IsValid)
            {
                logger.LogWarning("Recovery: log record at {Position} no longer validates; skipped {@Errors}", record.Position, parsed.Errors.ToDictionary());
                continue;
            }
            chunk.AddRange(parsed.Readings);
            if (++inChunk < ReplayChunk) continue;
            applied += (await ingestor.DispatchAsync(chunk)).Accepted;
            readings += chunk.Count;
            chunk.Clear();
            inChunk = 0;
        }
        if (chunk.Count > 0)
        {
            applied += (await ingestor.DispatchAsync(chunk)).Accepted;
            readings += chunk.Count;
        }
        logger.LogInformation("Recovery: replayed {Records} log records ({Readings} readings, {Applied} not yet in grain state) from {From} in {Ms} ms",
            records, readings, applied, from, sw.ElapsedMilliseconds);
        status.MarkRecovered();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Readiness: false until the log has been replayed.</summary>
public sealed class RecoveryStatus
{
    private volatile bool _recovered;
    public bool Recovered => _recovered;
    public void MarkRecovered() => _recovered = true;
}
