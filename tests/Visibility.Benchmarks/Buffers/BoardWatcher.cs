using System.Diagnostics;
using System.Text.Json;

namespace Visibility.Benchmarks.Buffers;

/// <summary>
/// The manager board as a SignalR subscriber sees it: for every buffer of the run, the latest projected stock-out date
/// and inbound ETA from the snapshot and the "boardDelta" rows. Once <see cref="Arm"/> has taken the current rows as
/// the baseline, it records when each buffer's row first arrived changed (stock-out or inbound ETA differs).
/// </summary>
public sealed class BoardWatcher(BufferNetwork network)
{
    private readonly object _lock = new();
    private readonly string?[] _current = new string?[BufferNetwork.Buffers];
    private readonly DateTimeOffset?[] _inboundEta = new DateTimeOffset?[BufferNetwork.Buffers];
    private readonly bool[] _fed = new bool[BufferNetwork.Buffers];
    private string?[]? _baseline;
    private DateTimeOffset?[]? _baselineEta;
    private readonly long[] _changedAt = new long[BufferNetwork.Buffers];
    private readonly TaskCompletionSource _allChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _rows, _fedRows, _changed;
    private long _lastRowAt, _deltas, _rowsReceived, _seqGaps, _lastSeq = -1;

    /// <summary>Buffers of this run the board has shown at all.</summary>
    public int Rows { get { lock (_lock) return _rows; } }
    /// <summary>Buffers whose row lists an inbound shipment.</summary>
    public int FedRows { get { lock (_lock) return _fedRows; } }
    public int Changed { get { lock (_lock) return _changed; } }
    public long Deltas { get { lock (_lock) return _deltas; } }
    public long RowsReceived { get { lock (_lock) return _rowsReceived; } }
    public long SeqGaps { get { lock (_lock) return _seqGaps; } }
    /// <summary>Completes when every buffer has been seen changed after <see cref="Arm"/>.</summary>
    public Task AllChanged => _allChanged.Task;

    public TimeSpan SinceLastRow
    {
        get { lock (_lock) return _lastRowAt == 0 ? TimeSpan.MaxValue : Stopwatch.GetElapsedTime(_lastRowAt); }
    }

    public void OnSnapshot(JsonElement snapshot)
    {
        lock (_lock) _lastSeq = snapshot.GetProperty("seq").GetInt64();
        Apply(snapshot.GetProperty("rows"), Stopwatch.GetTimestamp());
    }

    /// <summary>Called by the SignalR client for each "boardDelta" as soon as it arrives.</summary>
    public void OnDelta(JsonElement delta)
    {
        long receivedAt = Stopwatch.GetTimestamp();
        long seq = delta.GetProperty("seq").GetInt64();
        lock (_lock)
        {
            _deltas++;
            if (_lastSeq >= 0 && seq != _lastSeq + 1) _seqGaps++;
            _lastSeq = seq;
        }
        Apply(delta.GetProperty("rows"), receivedAt);
    }

    /// <summary>Takes the rows shown now as the baseline; from here on a row that differs from it counts as changed.</summary>
    public void Arm()
    {
        lock (_lock)
        {
            _baseline = (string?[])_current.Clone();
            _baselineEta = (DateTimeOffset?[])_inboundEta.Clone();
        }
    }

    /// <summary>How far each buffer's inbound ETA moved since <see cref="Arm"/>, in hours (buffers with an ETA before and after).</summary>
    public List<double> EtaShiftHours()
    {
        lock (_lock)
        {
            var shifts = new List<double>();
            for (int i = 0; i < _inboundEta.Length; i++)
                if (_baselineEta?[i] is { } before && _inboundEta[i] is { } after) shifts.Add((after - before).TotalHours);
            return shifts;
        }
    }

    /// <summary>Stopwatch ticks at which each buffer's changed row arrived; 0 = not seen changed.</summary>
    public long[] ChangedAt()
    {
        lock (_lock) return (long[])_changedAt.Clone();
    }

    /// <summary>The inbound ETA each buffer's latest row shows (null when it lists none).</summary>
    public DateTimeOffset?[] InboundEtas()
    {
        lock (_lock) return (DateTimeOffset?[])_inboundEta.Clone();
    }

    private void Apply(JsonElement rows, long receivedAt)
    {
        lock (_lock)
        {
            foreach (var row in rows.EnumerateArray())
            {
                _rowsReceived++;
                if (!network.TryBufferIndex(row.GetProperty("factoryId").GetString()!, row.GetProperty("partNumber").GetString()!, out int i)) continue;
                _lastRowAt = receivedAt;
                string? stockout = row.GetProperty("projectedStockout").ValueKind == JsonValueKind.String ? row.GetProperty("projectedStockout").GetString() : null;
                DateTimeOffset? eta = null;
                foreach (var inbound in row.GetProperty("inbound").EnumerateArray())
                {
                    var e = inbound.GetProperty("eta").GetDateTimeOffset();
                    if (eta == null || e < eta) eta = e;
                }
                string signature = $"{stockout ?? "none"}|{eta?.UtcTicks.ToString() ?? "none"}";
                if (_current[i] == null) _rows++;
                if (eta != null && !_fed[i]) { _fed[i] = true; _fedRows++; }
                _current[i] = signature;
                _inboundEta[i] = eta;
                if (_baseline != null && _changedAt[i] == 0 && signature != _baseline[i])
                {
                    _changedAt[i] = receivedAt;
                    if (++_changed == BufferNetwork.Buffers) _allChanged.TrySetResult();
                }
            }
        }
    }
}
