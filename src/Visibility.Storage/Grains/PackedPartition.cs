using System.Globalization;
using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Visibility.Storage;

/// <summary>
/// One partition blob of <see cref="PackedBlobGrainStorage"/>: the cached states of every grain hashed to it, and the
/// group commit that writes them.
/// </summary>
/// <remarks>
/// Three layers, newest first: <c>_staged</c> (changes waiting for the next flush), <c>_inFlight</c> (the changes being
/// uploaded now) and <c>_committed</c> (what the blob holds). A write is checked against the newest layer, so two writers
/// holding the same ETag cannot both be staged. One flush at a time rewrites the blob with <c>If-Match</c> on its ETag; writes
/// staged meanwhile ride the next flush. A writer is acknowledged only after the upload carrying its change succeeded.
/// If a flush fails the outcome is unknown (it may have landed), so the cache is dropped, every waiting writer fails, and the
/// next access reloads the blob.
/// </remarks>
internal sealed class PackedPartition(BlockBlobClient blob, int index, int count, TimeSpan linger, SemaphoreSlim uploads, ILogger logger)
{
    private readonly Lock _lock = new();
    private Task? _loading;
    private bool _loaded;
    private Dictionary<string, PackedEntry> _committed = new(StringComparer.Ordinal);
    private ETag? _blobETag;      // null: the blob does not exist yet
    private long _lastVersion;    // versions are never reused, so a cleared-then-recreated grain cannot match an old ETag
    private Batch? _inFlight;
    private Batch _staged = new();
    private bool _flushing;

    public string BlobName => blob.Name;

    /// <summary>Number of uploads that succeeded (each may carry many grains' writes).</summary>
    public long FlushCount { get; private set; }

    public async Task<PackedEntry?> ReadAsync(string grainKey)
    {
        while (true)
        {
            await EnsureLoadedAsync();
            lock (_lock)
            {
                if (!_loaded) continue; // dropped by a failed flush between our load and now
                return _committed.TryGetValue(grainKey, out var entry) ? entry : null;
            }
        }
    }

    public async Task<IReadOnlyList<string>> KeysAsync()
    {
        while (true)
        {
            await EnsureLoadedAsync();
            lock (_lock)
            {
                if (_loaded) return [.. _committed.Keys];
            }
        }
    }

    /// <summary>
    /// Stages a write (<paramref name="payload"/> non-null) or a delete, checked against <paramref name="expectedETag"/>, and
    /// completes when it is durable. Returns the grain's new ETag (null after a delete).
    /// </summary>
    /// <exception cref="InconsistentStateException">The ETag is stale, or the flush lost a race with another writer.</exception>
    public async Task<string?> WriteAsync(string grainKey, string? expectedETag, byte[]? payload)
    {
        while (true)
        {
            await EnsureLoadedAsync();
            Batch batch;
            PackedEntry? change;
            var startFlush = false;
            lock (_lock)
            {
                if (!_loaded) continue;
                var current = NewestETag(grainKey);
                if (!string.Equals(current, expectedETag, StringComparison.Ordinal))
                {
                    throw new InconsistentStateException(
                        $"Grain {grainKey} in {blob.Name}: ETag {expectedETag ?? "(none)"} is stale (current {current ?? "(none)"}).",
                        current ?? "(none)", expectedETag ?? "(none)");
                }
                if (payload is null && current is null) return null; // clearing nothing: nothing to write

                change = payload is null ? null : new PackedEntry(++_lastVersion, payload);
                batch = _staged;
                batch.Changes[grainKey] = change;
                if (!_flushing)
                {
                    _flushing = true;
                    startFlush = true;
                }
            }

            if (startFlush) _ = Task.Run(FlushLoopAsync);
            await batch.Done.Task;
            return change?.Version.ToString(CultureInfo.InvariantCulture);
        }
    }

    private string? NewestETag(string grainKey)
    {
        PackedEntry? newest;
        if (_staged.Changes.TryGetValue(grainKey, out var staged)) newest = staged;
        else if (_inFlight is not null && _inFlight.Changes.TryGetValue(grainKey, out var inFlight)) newest = inFlight;
        else newest = _committed.TryGetValue(grainKey, out var committed) ? committed : null;
        return newest?.Version.ToString(CultureInfo.InvariantCulture);
    }

    private Task EnsureLoadedAsync()
    {
        lock (_lock)
        {
            if (_loading is null || _loading.IsFaulted || _loading.IsCanceled) _loading = LoadAsync();
            return _loading;
        }
    }

    private async Task LoadAsync()
    {
        PackedPartitionImage image;
        ETag? etag;
        try
        {
            var download = await blob.DownloadContentAsync();
            image = PackedPartitionFormat.Read(download.Value.Content.ToMemory());
            etag = download.Value.Details.ETag;
            if (image.PartitionIndex != index || image.PartitionCount != count)
            {
                throw new InvalidDataException(
                    $"{blob.Name} holds partition {image.PartitionIndex} of {image.PartitionCount}, but this provider is configured " +
                    $"for partition {index} of {count}. PartitionCount cannot change once data exists.");
            }
        }
        catch (RequestFailedException ex) when (BlobErrors.IsMissing(ex))
        {
            image = new PackedPartitionImage(index, count, 0, new Dictionary<string, PackedEntry>(StringComparer.Ordinal));
            etag = null;
        }

        lock (_lock)
        {
            _committed = image.Entries;
            _blobETag = etag;
            _lastVersion = image.LastVersion;
            _loaded = true;
        }
    }

    private async Task FlushLoopAsync()
    {
        while (true)
        {
            if (linger > TimeSpan.Zero) await Task.Delay(linger);
            Batch batch;
            PackedPartitionImage next;
            ETag? expectedBlobETag;
            lock (_lock)
            {
                if (_staged.Changes.Count == 0)
                {
                    _flushing = false;
                    return;
                }
                batch = _staged;
                _staged = new Batch();
                _inFlight = batch;
                var entries = new Dictionary<string, PackedEntry>(_committed, StringComparer.Ordinal);
                foreach (var (key, change) in batch.Changes)
                {
                    if (change is { } entry) entries[key] = entry;
                    else entries.Remove(key);
                }
                next = new PackedPartitionImage(index, count, _lastVersion, entries);
                expectedBlobETag = _blobETag;
            }

            try
            {
                Azure.Response<BlobContentInfo> uploaded;
                await uploads.WaitAsync();
                try
                {
                    uploaded = await blob.UploadAsync(new MemoryStream(PackedPartitionFormat.Write(next), writable: false), new BlobUploadOptions
                    {
                        Conditions = expectedBlobETag is { } etag
                            ? new BlobRequestConditions { IfMatch = etag }
                            : new BlobRequestConditions { IfNoneMatch = ETag.All },
                    });
                }
                finally
                {
                    uploads.Release();
                }
                lock (_lock)
                {
                    _committed = next.Entries;
                    _blobETag = uploaded.Value.ETag;
                    _inFlight = null;
                    FlushCount++;
                }
                batch.Done.TrySetResult();
            }
            catch (Exception ex)
            {
                FailAndUnload(batch, ex);
                return;
            }
        }
    }

    private void FailAndUnload(Batch inFlight, Exception cause)
    {
        Batch staged;
        lock (_lock)
        {
            staged = _staged;
            _staged = new Batch();
            _inFlight = null;
            _flushing = false;
            _loaded = false;
            _loading = null;
            _committed = new Dictionary<string, PackedEntry>(StringComparer.Ordinal);
        }

        var lostRace = cause is RequestFailedException rfe && BlobErrors.IsConditionFailed(rfe);
        logger.Log(lostRace ? LogLevel.Warning : LogLevel.Error, cause,
            "Flush of {Blob} failed ({Writes} writes in flight, {Staged} staged); the partition will be reloaded",
            blob.Name, inFlight.Changes.Count, staged.Changes.Count);
        Exception error = lostRace
            ? new InconsistentStateException($"{blob.Name} was changed by another writer; the partition was reloaded.", "(changed)", "(cached)", cause)
            : cause;
        inFlight.Done.TrySetException(error);
        if (staged.Changes.Count > 0) staged.Done.TrySetException(new InconsistentStateException(
            $"A flush of {blob.Name} failed before this write was sent; the partition was reloaded.", "(unknown)", "(cached)", cause));
    }

    /// <summary>Changes that are written together, and the signal their writers wait on.</summary>
    private sealed class Batch
    {
        public Dictionary<string, PackedEntry?> Changes { get; } = new(StringComparer.Ordinal);
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
