using System.Diagnostics;

namespace Visibility.Benchmarks.Load;

/// <summary>
/// A token bucket for a target reading rate: every 10 ms it adds rate × elapsed readings of credit and releases one
/// permit per full batch. Permits the workers cannot take in time pile up (<see cref="Backlog"/>), so a host that
/// cannot keep up shows as a shortfall in the achieved rate instead of a quietly lower offered load.
/// </summary>
public sealed class BatchPacer : IAsyncDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);

    private readonly SemaphoreSlim _permits = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public BatchPacer(double readingsPerSecond, int batchSize)
    {
        _loop = Task.Run(() => RunAsync(readingsPerSecond, batchSize, _stop.Token));
    }

    public int Backlog => _permits.CurrentCount;

    public Task WaitAsync(CancellationToken ct) => _permits.WaitAsync(ct);

    private async Task RunAsync(double readingsPerSecond, int batchSize, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Tick);
        long last = Stopwatch.GetTimestamp();
        double credit = batchSize; // the first batch goes at once
        try
        {
            do
            {
                long now = Stopwatch.GetTimestamp();
                credit += readingsPerSecond * (now - last) / Stopwatch.Frequency;
                last = now;
                int batches = (int)(credit / batchSize);
                if (batches > 0)
                {
                    credit -= batches * batchSize;
                    _permits.Release(batches);
                }
            } while (await timer.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException) { }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _loop;
        _stop.Dispose();
        _permits.Dispose();
    }
}
