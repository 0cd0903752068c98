namespace Visibility.Host.Hosting;

/// <summary>
/// Start-up work that must finish (demo seed, warm-up, feed imports) is run again while storage fails, instead of failing
/// its background service, which would stop the host: a storage outage during start is waited out, as at any other time.
/// The work must be idempotent (each of these is: it skips what exists).
/// </summary>
public static class StorageRetry
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(15);

    public static async Task RunAsync(string what, Func<CancellationToken, Task> work, ILogger logger, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await work(ct);
                return;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested && StorageFailures.Means(ex))
            {
                var delay = TimeSpan.FromSeconds(Math.Min(MaxDelay.TotalSeconds, attempt * 2));
                logger.LogWarning("{What} stopped because storage failed ({Error}); trying again in {Delay} s (attempt {Attempt})",
                    what, ex.GetType().Name, delay.TotalSeconds, attempt);
                await Task.Delay(delay, ct);
            }
        }
    }
}
