namespace Visibility.Host.Ingest;

/// <summary>
/// Counts ingest requests between "appended to the log" and "applied by the grains", per log generation, so the
/// checkpoint can wait until every record of the generation it truncates has reached the grains.
/// </summary>
public sealed class DispatchGate
{
    private readonly object _lock = new();
    private long _generation;
    private readonly Dictionary<long, int> _inFlight = [];
    private readonly Dictionary<long, TaskCompletionSource> _drained = [];

    public long Enter()
    {
        lock (_lock)
        {
            _inFlight[_generation] = _inFlight.GetValueOrDefault(_generation) + 1;
            return _generation;
        }
    }

    public void Exit(long generation)
    {
        lock (_lock)
        {
            int left = _inFlight[generation] - 1;
            if (left > 0) { _inFlight[generation] = left; return; }
            _inFlight.Remove(generation);
            if (_drained.Remove(generation, out var tcs)) tcs.TrySetResult();
        }
    }

    /// <summary>Starts a new generation and returns a task that completes when the previous ones have drained.</summary>
    public Task AdvanceAndDrainAsync()
    {
        lock (_lock)
        {
            var old = _generation++;
            var pending = _inFlight.Keys.Where(g => g <= old).ToList();
            if (pending.Count == 0) return Task.CompletedTask;
            return Task.WhenAll(pending.Select(g =>
            {
                if (!_drained.TryGetValue(g, out var tcs)) _drained[g] = tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                return tcs.Task;
            }));
        }
    }
}
