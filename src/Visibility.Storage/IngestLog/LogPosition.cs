namespace Visibility.Storage;

/// <summary>
/// Where a record sits in the <see cref="IngestLog"/>: the segment's sequence number and the byte offset of the record's
/// frame in that segment. Positions order records: segment first, then offset.
/// </summary>
public readonly record struct LogPosition(long Segment, long Offset) : IComparable<LogPosition>, IComparable
{
    /// <summary>Before every record: reading from here replays the whole log.</summary>
    public static LogPosition Start => new(0, 0);

    public int CompareTo(LogPosition other)
    {
        var bySegment = Segment.CompareTo(other.Segment);
        return bySegment != 0 ? bySegment : Offset.CompareTo(other.Offset);
    }

    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        LogPosition other => CompareTo(other),
        _ => throw new ArgumentException($"Cannot compare a {nameof(LogPosition)} with {obj.GetType().Name}.", nameof(obj)),
    };

    public static bool operator <(LogPosition left, LogPosition right) => left.CompareTo(right) < 0;
    public static bool operator >(LogPosition left, LogPosition right) => left.CompareTo(right) > 0;
    public static bool operator <=(LogPosition left, LogPosition right) => left.CompareTo(right) <= 0;
    public static bool operator >=(LogPosition left, LogPosition right) => left.CompareTo(right) >= 0;

    public override string ToString() => $"{Segment}:{Offset}";
}

/// <summary>One record replayed from the <see cref="IngestLog"/>.</summary>
public readonly record struct LogRecord(LogPosition Position, ReadOnlyMemory<byte> Payload);
