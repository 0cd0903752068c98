namespace Visibility.Storage;

/// <summary>Options for <see cref="PackedBlobGrainStorage"/>.</summary>
public sealed class PackedBlobStorageOptions : BlobStorageOptions
{
    /// <summary>
    /// Number of partition blobs per state name. Fixed for the life of the data: it is recorded in every partition blob, and a
    /// mismatch on load is an error rather than a silent re-hash that would hide existing grains.
    /// </summary>
    public int PartitionCount { get; set; } = 64;

    /// <summary>
    /// How long a partition waits after the first staged write before uploading, so writes that arrive together (a
    /// checkpoint flushing thousands of grains) share one upload of the partition instead of one each.
    /// </summary>
    public TimeSpan FlushLinger { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Partition uploads in flight at once across all partitions. A checkpoint dirties every partition together; letting
    /// them all upload at once fills the storage account's queue (Azurite is single-threaded) ahead of the ingest log's
    /// appends, which then wait and delay the acknowledgements.
    /// </summary>
    public int MaxConcurrentUploads { get; set; } = 4;
}
