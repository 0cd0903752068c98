namespace Visibility.Simulator;

/// <summary>
/// Polite retry delays: exponential from 1 s, capped at 30 s, with "full jitter" so many simulators (or
/// many batches) do not retry in lock-step; a server's Retry-After wins when it asks for longer.
/// </summary>
public static class Backoff
{
    public static readonly TimeSpan Initial = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(2);

    /// <param name="attempt">1 for the first retry.</param>
    /// <param name="jitter">Uniform in [0, 1).</param>
    /// <param name="minimum">A floor for this kind of failure (e.g. longer after 401).</param>
    public static TimeSpan Delay(int attempt, double jitter, TimeSpan? retryAfter = null, TimeSpan? minimum = null)
    {
        double ceiling = Math.Min(Cap.TotalSeconds, Initial.TotalSeconds * Math.Pow(2, Math.Max(0, attempt - 1)));
        var delay = TimeSpan.FromSeconds(ceiling * (0.5 + 0.5 * jitter)); // never below half the ceiling
        if (minimum is { } min && delay < min) delay = min;
        if (retryAfter is { } ra && ra > delay) delay = ra < MaxRetryAfter ? ra : MaxRetryAfter;
        return delay;
    }
}
