namespace Visibility.Storage;

/// <summary>Where the ingest log lives and when it rolls to a new segment.</summary>
public sealed class IngestLogOptions
{
    /// <summary>Azure Blob Storage's ceiling on one append block.</summary>
    public const int BlockLimitBytes = 4 * 1024 * 1024;

    /// <summary>Azure Blob Storage's ceiling on appends to one append blob.</summary>
    public const int AppendLimitPerBlob = 50_000;

    public string ConnectionString { get; set; } = "";

    /// <summary>Container holding the segments (<c>segments/NNNNNNNNNNNN.log</c>) and the checkpoint blob. One log per container.</summary>
    public string ContainerName { get; set; } = "ingest-log";

    /// <summary>Roll to a new segment after this many appends; well below the 50,000 limit so a roll never races it.</summary>
    public int MaxAppendsPerSegment { get; set; } = 40_000;

    /// <summary>Roll before a segment would grow past this size, which bounds what a replay or a checkpoint deletion handles.</summary>
    public long MaxSegmentBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Largest group-commit batch in one append block (at most <see cref="BlockLimitBytes"/>).</summary>
    public int MaxBlockBytes { get; set; } = BlockLimitBytes;

    /// <summary>Records waiting for the writer before <see cref="IngestLog.AppendAsync"/> waits too (back-pressure).</summary>
    public int MaxPendingRecords { get; set; } = 10_000;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString)) throw new ArgumentException("IngestLogOptions.ConnectionString is required.");
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAppendsPerSegment, 1, nameof(MaxAppendsPerSegment));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxAppendsPerSegment, AppendLimitPerBlob, nameof(MaxAppendsPerSegment));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBlockBytes, RecordFrame.HeaderLength + 1, nameof(MaxBlockBytes));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxBlockBytes, BlockLimitBytes, nameof(MaxBlockBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSegmentBytes, MaxBlockBytes, nameof(MaxSegmentBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPendingRecords, 1, nameof(MaxPendingRecords));
    }
}
