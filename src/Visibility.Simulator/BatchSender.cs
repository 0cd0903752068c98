using System.Collections.Concurrent;

namespace Visibility.Simulator;

/// <summary>
/// Posts telemetry batches with a bounded number in flight. When all slots are busy, SendAsync waits:
/// a slow API slows the scheduling loop down instead of piling up memory. A 400 applies nothing, so the
/// readings it did not name are resent once and the named ones are handed to onRejected.
/// </summary>
public sealed class BatchSender(
    VisibilityApiClient api, int maxInFlight,
    Action<IReadOnlyList<(TelemetryReading Reading, string[] Messages)>, ProblemDetailsDto?> onRejected)
{
    private readonly SemaphoreSlim _slots = new(maxInFlight, maxInFlight);
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();

    public async Task SendAsync(IReadOnlyList<TelemetryReading> batch, CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        var task = Task.Run(async () =>
        {
            try { await PostAsync(batch, ct); }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
            finally { _slots.Release(); }
        }, CancellationToken.None);
        _inFlight[task] = 0;
        _ = task.ContinueWith(t => _inFlight.TryRemove(t, out _), TaskScheduler.Default);
    }

    /// <summary>Waits (up to timeout) for the posts in flight, e.g. at shutdown.</summary>
    public async Task DrainAsync(TimeSpan timeout)
    {
        try { await Task.WhenAll(_inFlight.Keys).WaitAsync(timeout); }
        catch (TimeoutException) { }
    }

    private async Task PostAsync(IReadOnlyList<TelemetryReading> batch, CancellationToken ct)
    {
        var outcome = await api.PostTelemetryAsync(batch, ct);
        if (outcome.Status != TelemetryStatus.Rejected || outcome.Problem?.Errors is not { Count: > 0 } errors) return;

        var (kept, _) = TelemetryBatcher.WithoutRejected(batch, errors.Keys);
        var byIndex = ErrorsByIndex(errors);
        onRejected(byIndex.Where(kv => kv.Key < batch.Count).Select(kv => (batch[kv.Key], kv.Value)).ToList(), outcome.Problem);
        if (kept.Count > 0 && kept.Count < batch.Count) await api.PostTelemetryAsync(kept, ct);
    }

    /// <summary>"[7].shipmentId": ["unknown shipment"] becomes 7 → ["shipmentId: unknown shipment"].</summary>
    public static Dictionary<int, string[]> ErrorsByIndex(IReadOnlyDictionary<string, string[]> errors)
    {
        var result = new Dictionary<int, List<string>>();
        foreach (var (key, messages) in errors)
        {
            int close = key.IndexOf(']');
            if (!key.StartsWith('[') || close < 2 || !int.TryParse(key.AsSpan(1, close - 1), out int index)) continue;
            string field = key[(close + 1)..].TrimStart('.');
            if (!result.TryGetValue(index, out var list)) result[index] = list = [];
            list.AddRange(messages.Select(m => field.Length > 0 ? $"{field}: {m}" : m));
        }
        return result.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
    }
}
