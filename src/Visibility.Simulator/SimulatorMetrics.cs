using System.Diagnostics.Metrics;

namespace Visibility.Simulator;

/// <summary>
/// Counters of the Meter "Visibility.Simulator" (readings sent, batches, errors, shipments created),
/// also kept as totals for the periodic status line in the log.
/// </summary>
public sealed class SimulatorMetrics
{
    public const string MeterName = "Visibility.Simulator";

    private readonly Counter<long> _readings, _duplicates, _batches, _errors, _shipments;
    private long _readingsTotal, _duplicatesTotal, _batchesTotal, _errorsTotal, _shipmentsTotal;

    public SimulatorMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _readings = meter.CreateCounter<long>("simulator.readings.sent", "{reading}", "Readings the API accepted");
        _duplicates = meter.CreateCounter<long>("simulator.readings.duplicates", "{reading}", "Readings the API reported as duplicates");
        _batches = meter.CreateCounter<long>("simulator.batches.sent", "{batch}", "Telemetry batches posted successfully");
        _errors = meter.CreateCounter<long>("simulator.errors", "{error}", "Failed or rejected API calls, by kind");
        _shipments = meter.CreateCounter<long>("simulator.shipments.created", "{shipment}", "Shipments created or re-used");
    }

    public long ReadingsSent => Interlocked.Read(ref _readingsTotal);
    public long Duplicates => Interlocked.Read(ref _duplicatesTotal);
    public long Batches => Interlocked.Read(ref _batchesTotal);
    public long Errors => Interlocked.Read(ref _errorsTotal);
    public long Shipments => Interlocked.Read(ref _shipmentsTotal);

    public void BatchSent(int accepted, int duplicates)
    {
        _readings.Add(accepted);
        _duplicates.Add(duplicates);
        _batches.Add(1);
        Interlocked.Add(ref _readingsTotal, accepted);
        Interlocked.Add(ref _duplicatesTotal, duplicates);
        Interlocked.Increment(ref _batchesTotal);
    }

    public void Error(string kind)
    {
        _errors.Add(1, new KeyValuePair<string, object?>("kind", kind));
        Interlocked.Increment(ref _errorsTotal);
    }

    public void ShipmentReady()
    {
        _shipments.Add(1);
        Interlocked.Increment(ref _shipmentsTotal);
    }
}
