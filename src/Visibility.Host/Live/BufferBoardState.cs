using Visibility.Domain.Inventory;

namespace Visibility.Host.Live;

/// <summary>This silo's picture of the manager board: the latest row of every factory × part buffer, and what changed since the last delta.</summary>
public sealed class BufferBoardState(TimeProvider clock)
{
    private readonly object _lock = new();
    private readonly Dictionary<(string Factory, string Part), BufferView> _rows = [];
    private HashSet<(string, string)> _changed = [];
    private long _seq;

    public void Apply(IEnumerable<BufferView> rows)
    {
        lock (_lock)
            foreach (var row in rows)
            {
                var key = (row.FactoryId, row.PartNumber);
                // Notifiers are several stateless workers: an older row arriving late must not replace a newer one.
                if (_rows.TryGetValue(key, out var held) && row.UpdatedAt < held.UpdatedAt) continue;
                _rows[key] = row;
                _changed.Add(key);
            }
    }

    public BoardSnapshot Snapshot()
    {
        lock (_lock) return new BoardSnapshot(_seq, clock.GetUtcNow(), Sorted(_rows.Values));
    }

    public BoardDelta? TakeDelta()
    {
        lock (_lock)
        {
            if (_changed.Count == 0) return null;
            var rows = _changed.Select(k => _rows[k]).ToArray();
            _changed = [];
            return new BoardDelta(++_seq, clock.GetUtcNow(), rows);
        }
    }

    public IReadOnlyList<BufferView> Query(Func<BufferView, bool> predicate)
    {
        lock (_lock) return Sorted(_rows.Values.Where(predicate));
    }

    private static BufferView[] Sorted(IEnumerable<BufferView> rows) =>
        rows.OrderBy(r => r.PlanningPriorityPct).ThenBy(r => r.FactoryId, StringComparer.Ordinal).ThenBy(r => r.PartNumber, StringComparer.Ordinal).ToArray();
}

public sealed record BoardSnapshot(long Seq, DateTimeOffset At, BufferView[] Rows);

public sealed record BoardDelta(long Seq, DateTimeOffset At, BufferView[] Rows);
