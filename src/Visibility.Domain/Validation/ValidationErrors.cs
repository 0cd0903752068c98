namespace Visibility.Domain.Validation;

/// <summary>Field-level validation messages keyed by a JSON path ("[3].lat", "cargo[0].quantity"), as in RFC 9457 "errors".</summary>
public sealed class ValidationErrors
{
    /// <summary>Past this many messages the rest are summarised: a 1,000-item garbage batch should not echo 10,000 lines.</summary>
    public const int MaxMessages = 200;

    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);
    private int _dropped;

    public int Count { get; private set; }
    public bool IsEmpty => Count == 0;

    public void Add(string field, string message)
    {
        Count++;
        if (Count > MaxMessages) { _dropped++; return; }
        if (!_byField.TryGetValue(field, out var list)) _byField[field] = list = [];
        list.Add(message);
    }

    public IDictionary<string, string[]> ToDictionary()
    {
        var result = _byField.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        if (_dropped > 0) result["$more"] = [$"{_dropped} further errors not listed"];
        return result;
    }
}
