using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Visibility.Simulator;

/// <summary>
/// Logs a recurring problem once, not once per request: thousands of identical "503" lines would bury
/// the one line that matters. Counts the repeats; Recovered() logs how many there were and re-arms.
/// </summary>
public sealed class OnceLog(ILogger logger)
{
    private readonly ConcurrentDictionary<string, int> _seen = new();

    /// <returns>True when this was the first occurrence (and was logged).</returns>
    public bool Warn(string key, string message, params object?[] args)
    {
        int count = _seen.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (count != 1) return false;
        logger.LogWarning(message + " (further occurrences are counted, not logged)", args);
        return true;
    }

    public bool Error(string key, string message, params object?[] args)
    {
        int count = _seen.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (count != 1) return false;
        logger.LogError(message + " (further occurrences are counted, not logged)", args);
        return true;
    }

    /// <summary>Call after a success: logs the outage's size once and lets the next outage be logged again.</summary>
    public void Recovered(string keyPrefix)
    {
        foreach (var key in _seen.Keys.Where(k => k.StartsWith(keyPrefix, StringComparison.Ordinal)))
            if (_seen.TryRemove(key, out int n))
                logger.LogInformation("Simulator: {Problem} cleared after {Count} occurrence(s)", key, n);
    }
}
