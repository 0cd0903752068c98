using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Visibility.Simulator;

/// <summary>
/// Logs a recurring problem once, not once per request: thousands of identical "503" lines would bury
/// the one line that matters. Repeats are counted; once a problem has been quiet for QuietPeriod,
/// Recovered() logs how often it happened and re-arms it, so a later outage is logged again (a sporadic
/// error does not flap between "failed" and "cleared").
/// </summary>
public sealed class OnceLog(ILogger logger, TimeProvider? timeProvider = null)
{
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromMinutes(2);

    private sealed class Seen(DateTimeOffset at)
    {
        public int Count = 1;
        public DateTimeOffset LastAt = at;
    }

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, Seen> _seen = new();

    /// <returns>True when this was the first occurrence (and was logged).</returns>
    public bool Warn(string key, string message, params object?[] args) => Note(key, LogLevel.Warning, message, args);

    public bool Error(string key, string message, params object?[] args) => Note(key, LogLevel.Error, message, args);

    private bool Note(string key, LogLevel level, string message, object?[] args)
    {
        var now = _time.GetUtcNow();
        bool first = false;
        _seen.AddOrUpdate(key, _ => { first = true; return new Seen(now); }, (_, seen) =>
        {
            lock (seen) { seen.Count++; seen.LastAt = now; }
            return seen;
        });
        if (first) logger.Log(level, message + " (repeats are counted, not logged)", args);
        return first;
    }

    /// <summary>Call after a success: problems of this prefix quiet for QuietPeriod are reported cleared and re-armed.</summary>
    public void Recovered(string keyPrefix)
    {
        if (_seen.IsEmpty) return;
        var now = _time.GetUtcNow();
        foreach (var (key, seen) in _seen)
        {
            if (!key.StartsWith(keyPrefix, StringComparison.Ordinal) || now - seen.LastAt < QuietPeriod) continue;
            if (_seen.TryRemove(key, out var removed))
                logger.LogInformation("Simulator: {Problem} cleared, quiet since {LastAt:u} after {Count} occurrence(s)", key, removed.LastAt, removed.Count);
        }
    }
}
