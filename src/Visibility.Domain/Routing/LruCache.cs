namespace Visibility.Domain.Routing;

/// <summary>
/// A bounded, thread-safe least-recently-used cache that computes each missing value once even when many callers ask
/// for the same key at the same moment (hundreds of shipments on one lane start together). The value is computed
/// outside the lock; a computation that throws is not cached.
/// </summary>
internal sealed class LruCache<TKey, TValue> where TKey : notnull
{
    private readonly int _capacity;
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, Lazy<TValue> Value)>> _byKey = new();
    private readonly LinkedList<(TKey Key, Lazy<TValue> Value)> _recency = new(); // most recent first
    private readonly Lock _lock = new();

    public LruCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public int Count { get { lock (_lock) return _byKey.Count; } }

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> compute)
    {
        Lazy<TValue> lazy;
        lock (_lock)
        {
            if (_byKey.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                lazy = node.Value.Value;
            }
            else
            {
                lazy = new Lazy<TValue>(() => compute(key), LazyThreadSafetyMode.ExecutionAndPublication);
                _byKey[key] = _recency.AddFirst((key, lazy));
                if (_byKey.Count > _capacity)
                {
                    var oldest = _recency.Last!;
                    _recency.RemoveLast();
                    _byKey.Remove(oldest.Value.Key);
                }
            }
        }

        try
        {
            return lazy.Value;
        }
        catch
        {
            lock (_lock)
                if (_byKey.TryGetValue(key, out var node) && ReferenceEquals(node.Value.Value, lazy))
                {
                    _recency.Remove(node);
                    _byKey.Remove(key);
                }
            throw;
        }
    }
}
