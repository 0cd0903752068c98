namespace Visibility.Storage;

/// <summary>Options for <see cref="PackedBlobGrainStorage"/>.</summary>
public sealed class PackedBlobStorageOptions : BlobStorageOptions
{
    /// <summary>
    /// Number of partition blobs per state name. Fixed for the life of the data: it is recorded in every partition blob, and a
    /// mismatch on load is an error rather than a silent re-hash that would hide existing grains.
    /// </summary>
    public int PartitionCount { get; set; } = 64;
}
