namespace Visibility.Simulator;

/// <summary>
/// When each shipment reports next. Every shipment reports once per interval, at its own phase
/// (index / count of the interval), so readings arrive evenly instead of all at the top of the interval.
/// A shipment that missed slots (the loop was blocked by a slow API) reports once now and then resumes
/// its rhythm: readings are never bunched to "catch up".
/// </summary>
public sealed class ReportSchedule<T> where T : notnull
{
    private readonly PriorityQueue<T, DateTimeOffset> _queue = new();

    public ReportSchedule(TimeSpan interval)
    {
        if (interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval));
        Interval = interval;
    }

    public TimeSpan Interval { get; }
    public int Count => _queue.Count;

    /// <summary>
    /// Adds an item on the slot grid anchor + (phase + k) × interval, at its first slot not before now.
    /// A fixed anchor keeps items added at different times (bookings trickle in) evenly spread.
    /// </summary>
    public void Add(T item, DateTimeOffset anchor, double phase, DateTimeOffset now)
    {
        var first = anchor + Interval * Math.Clamp(phase, 0, 0.999999);
        if (first < now) first += Interval * Math.Ceiling((now - first) / Interval);
        _queue.Enqueue(item, first);
    }

    /// <summary>Items due at or before now, each with the slot it was due at; the caller re-adds those that continue.</summary>
    public List<(T Item, DateTimeOffset Due)> TakeDue(DateTimeOffset now)
    {
        var due = new List<(T, DateTimeOffset)>();
        while (_queue.TryPeek(out var item, out var at) && at <= now)
        {
            _queue.Dequeue();
            due.Add((item, at));
        }
        return due;
    }

    /// <summary>Schedules the next report one interval after the slot just served, or skips to the next future slot.</summary>
    public void Continue(T item, DateTimeOffset servedSlot, DateTimeOffset now)
    {
        var next = servedSlot + Interval;
        if (next <= now)
        {
            long missed = (long)Math.Floor((now - servedSlot) / Interval);
            next = servedSlot + Interval * (missed + 1);
        }
        _queue.Enqueue(item, next);
    }

    /// <summary>The earliest due time, if any.</summary>
    public DateTimeOffset? NextDue => _queue.TryPeek(out _, out var at) ? at : null;
}
