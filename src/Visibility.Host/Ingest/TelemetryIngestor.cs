using System.Collections.Concurrent;
using System.Diagnostics;
using Visibility.Domain.Telemetry;
using Visibility.Domain.Validation;
using Visibility.Grains.Shipments;
using Visibility.Storage;

namespace Visibility.Host.Ingest;

/// <summary>
/// The telemetry path: validate the whole batch, append it to the durable ingest log (group-committed with other
/// requests), then hand each shipment its readings. 202 is only answered after the log append, so an acknowledged
/// reading survives a crash: start-up replays the log tail into the grains, which drop what they already have.
/// </summary>
public sealed class TelemetryIngestor(
    IngestLog log,
    IGrainFactory grains,
    ShipmentDirectory directory,
    DispatchGate gate,
    IngestMetrics metrics,
    TimeProvider clock,
    ILogger<TelemetryIngestor> logger)
{
    private readonly ConcurrentDictionary<string, byte> _dirty = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string ShipmentId, TelemetryReading[] Readings)> _failed = new();

    public abstract record Outcome;
    public sealed record Accepted(int Readings, int Duplicates, int Stale) : Outcome;
    public sealed record Invalid(ValidationErrors Errors) : Outcome;
    public sealed record NotAssigned(ValidationErrors Errors) : Outcome;

    /// <param name="allowed">Whether the sending tracker may report for a shipment; a batch naming any other is refused whole.</param>
    public async Task<Outcome> IngestAsync(ReadOnlyMemory<byte> body, Func<string, bool>? allowed = null)
    {
        long started = Stopwatch.GetTimestamp();
        var parsed = TelemetryBatchParser.Parse(body.Span, directory.Contains, clock.GetUtcNow());
        if (!parsed.IsValid)
        {
            metrics.Rejected.Add(1);
            return new Invalid(parsed.Errors);
        }
        if (allowed != null)
        {
            var refused = new ValidationErrors();
            for (int i = 0; i < parsed.Readings.Count; i++)
                if (!allowed(parsed.Readings[i].ShipmentId)) refused.Add($"[{i}].shipmentId", $"shipment '{parsed.Readings[i].ShipmentId}' is not assigned to this tracker");
            if (!refused.IsEmpty)
            {
                metrics.Rejected.Add(1);
                return new NotAssigned(refused);
            }
        }
        long generation = gate.Enter();
        try
        {
            // Not cancellable on purpose: once the append is under way the client may already count it as sent.
            await log.AppendAsync(body, CancellationToken.None);
            metrics.AckLatencyMs.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var result = await DispatchAsync(parsed.Readings);
            metrics.Batches.Add(1);
            metrics.Accepted.Add(result.Accepted);
            metrics.Duplicates.Add(result.Duplicates);
            metrics.Stale.Add(result.Stale);
            return new Accepted(result.Accepted, result.Duplicates, result.Stale);
        }
        finally
        {
            gate.Exit(generation);
        }
    }

    /// <summary>Applies readings to their shipments, one grain call per shipment, in the order they arrived.</summary>
    public async Task<IngestResult> DispatchAsync(IReadOnlyList<AddressedReading> readings)
    {
        var groups = new Dictionary<string, List<TelemetryReading>>(StringComparer.Ordinal);
        foreach (var r in readings)
        {
            if (!groups.TryGetValue(r.ShipmentId, out var list)) groups[r.ShipmentId] = list = [];
            list.Add(r.Reading);
        }
        var calls = new Task<IngestResult>[groups.Count];
        int i = 0;
        foreach (var (shipmentId, list) in groups) calls[i++] = ApplyAsync(shipmentId, [.. list]);
        var results = await Task.WhenAll(calls);
        return new IngestResult(results.Sum(r => r.Accepted), results.Sum(r => r.Duplicates), results.Sum(r => r.Stale));
    }

    private async Task<IngestResult> ApplyAsync(string shipmentId, TelemetryReading[] readings)
    {
        _dirty.TryAdd(shipmentId, 0);
        try
        {
            return await grains.GetGrain<IShipmentGrain>(shipmentId).Ingest(readings);
        }
        catch (Exception ex)
        {
            // Durable in the log already: keep it for the checkpoint to retry, and never truncate the log past it.
            logger.LogError(ex, "Applying {Count} readings to shipment {ShipmentId} failed; will retry", readings.Length, shipmentId);
            _failed.Enqueue((shipmentId, readings));
            return new IngestResult(readings.Length, 0);
        }
    }

    /// <summary>Retries readings whose grain call failed. False while any still fail (the checkpoint then waits).</summary>
    public async Task<bool> RetryFailedAsync()
    {
        int count = _failed.Count;
        for (int i = 0; i < count && _failed.TryDequeue(out var item); i++)
            await ApplyAsync(item.ShipmentId, item.Readings);
        return _failed.IsEmpty;
    }

    public void MarkDirty(IEnumerable<string> shipmentIds)
    {
        foreach (var id in shipmentIds) _dirty.TryAdd(id, 0);
    }

    /// <summary>Takes the set of shipments changed by telemetry since the last call.</summary>
    public IReadOnlyList<string> TakeDirtyShipments()
    {
        var ids = _dirty.Keys.ToList();
        foreach (var id in ids) _dirty.TryRemove(id, out _);
        return ids;
    }
}
