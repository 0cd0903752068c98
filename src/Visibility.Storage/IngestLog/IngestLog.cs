using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;

namespace Visibility.Storage;

/// <summary>
/// The durable, append-only log behind telemetry ingest: a record is acknowledged (HTTP 202) only once it is in an append
/// blob. Segments are append blobs <c>segments/NNNNNNNNNNNN.log</c>; each record is framed with its length and a CRC32.
/// </summary>
/// <remarks>
/// <para>Group commit: callers enqueue; one writer loop concatenates everything pending (up to one 4 MiB block) into a single
/// AppendBlock, so hundreds of concurrent callers cost one ~6 ms round trip. Each append is conditional on the expected append
/// position, so an SDK retry of an append that already landed fails instead of writing it twice.</para>
/// <para>A segment whose tail is uncertain is never appended to again: every start (including after a crash, which may
/// have torn the tail) and every failed append begins a new segment. Readers stop at a segment's first invalid frame.
/// A failed append fails its callers, though their records may have landed: delivery is at-least-once, consumers
/// de-duplicate by message id.</para>
/// </remarks>
public sealed class IngestLog : IAsyncDisposable
{
    private readonly IngestLogOptions _options;
    private readonly ILogger _logger;
    private readonly BlobContainerClient _container;
    private readonly Channel<WriterRequest> _requests;
    private readonly KeyValuePair<string, object?> _metricTag;
    private readonly SemaphoreSlim _checkpointGate = new(1, 1);
    private Task? _writer;

    // Owned by the writer loop once started.
    private long _segment;
    private long _segmentLength;
    private int _segmentAppends;
    private bool _segmentUncertain;

    private long _appendBlocks, _records, _bytes, _segmentsStarted, _failedAppends;

    public IngestLog(IngestLogOptions options, ILogger<IngestLog> logger)
    {
        options.Validate();
        _options = options;
        _logger = logger;
        _container = StorageClients.Service(options.ConnectionString).GetBlobContainerClient(options.ContainerName);
        _metricTag = new("log", options.ContainerName);
        _requests = Channel.CreateBounded<WriterRequest>(new BoundedChannelOptions(options.MaxPendingRecords)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Largest record <see cref="AppendAsync"/> accepts: one frame must fit in one append block.</summary>
    public int MaxRecordBytes => _options.MaxBlockBytes - RecordFrame.HeaderLength;

    /// <summary>The segment new records currently go to.</summary>
    public long CurrentSegment => Volatile.Read(ref _segment);

    public IngestLogStatistics Statistics => new(
        Interlocked.Read(ref _appendBlocks), Interlocked.Read(ref _records), Interlocked.Read(ref _bytes),
        Interlocked.Read(ref _segmentsStarted), Interlocked.Read(ref _failedAppends));

    /// <summary>
    /// Creates the container, then starts a NEW segment after the highest existing one (the previous run's tail may be torn),
    /// and starts the writer. Call once before appending.
    /// </summary>
    public async Task InitializeAsync(CancellationToken ct)
    {
        if (_writer is not null) throw new InvalidOperationException("The ingest log is already initialized.");
        await _container.CreateIfNotExistsAsync(cancellationToken: ct);
        var segments = await ListSegmentsAsync(ct);
        _segment = segments.Count == 0 ? 0 : segments[^1];
        await StartNewSegmentAsync(ct);
        _writer = Task.Run(WriterLoopAsync, CancellationToken.None);
    }

    /// <summary>
    /// Appends one record; completes when it is durably in the log, with its position. Cancelling stops the wait, not the
    /// write: a cancelled record may still become durable.
    /// </summary>
    /// <exception cref="ArgumentException">The record is larger than <see cref="MaxRecordBytes"/>.</exception>
    /// <exception cref="IngestLogWriteException">The append failed; the record may or may not be in the log.</exception>
    public async ValueTask<LogPosition> AppendAsync(ReadOnlyMemory<byte> record, CancellationToken ct)
    {
        if (record.Length > MaxRecordBytes)
            throw new ArgumentException($"Record of {record.Length} bytes exceeds the {MaxRecordBytes}-byte limit.", nameof(record));
        EnsureStarted();

        // Copied so the caller may reuse its buffer as soon as it stops waiting (including on cancellation).
        var request = WriterRequest.Append(record.ToArray());
        await EnqueueAsync(request, ct);
        return await request.Done.Task.WaitAsync(ct);
    }

    /// <summary>
    /// Seals the current segment and starts a new one, after every record enqueued before this call. Returns the position of
    /// the first record of the new segment.
    /// </summary>
    public async Task<LogPosition> RollAsync(CancellationToken ct = default)
    {
        EnsureStarted();
        var request = WriterRequest.Roll();
        await EnqueueAsync(request, ct);
        return await request.Done.Task.WaitAsync(ct);
    }

    /// <summary>
    /// Replays every record at or after <paramref name="from"/> (a position this log returned, or <see cref="LogPosition.Start"/>)
    /// in log order across segments. Reads what was durable when each segment is reached; a torn or corrupt segment tail is
    /// skipped with a warning.
    /// </summary>
    public async IAsyncEnumerable<LogRecord> ReadFromAsync(LogPosition from, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var segment in await ListSegmentsAsync(ct))
        {
            if (segment < from.Segment) continue;
            await foreach (var record in ReadSegmentFromAsync(segment, segment == from.Segment ? from.Offset : 0, ct))
            {
                yield return record;
            }
        }
    }

    /// <summary>The segments in the log, oldest first.</summary>
    public Task<List<long>> SegmentsAsync(CancellationToken ct = default) => ListSegmentsAsync(ct);

    /// <summary>The records of one segment, in log order (none when it is gone); for readers that page through a log by segment.</summary>
    public IAsyncEnumerable<LogRecord> ReadSegmentAsync(long segment, CancellationToken ct = default) => ReadSegmentFromAsync(segment, 0, ct);

    private async IAsyncEnumerable<LogRecord> ReadSegmentFromAsync(long segment, long startOffset, [EnumeratorCancellation] CancellationToken ct)
    {
        var blob = _container.GetAppendBlobClient(SegmentNames.For(segment));
        BlobDownloadStreamingResult? download;
        try
        {
            // A snapshot of the length taken now: appends are atomic, so it always ends on a frame boundary.
            var length = (await blob.GetPropertiesAsync(cancellationToken: ct)).Value.ContentLength;
            if (startOffset >= length) yield break;
            download = (await blob.DownloadStreamingAsync(
                new BlobDownloadOptions { Range = new HttpRange(startOffset, length - startOffset) }, ct)).Value;
        }
        catch (RequestFailedException ex) when (BlobErrors.IsMissing(ex))
        {
            yield break; // deleted by a checkpoint while we were listing
        }

        await using var content = download.Content;
        await foreach (var record in SegmentReader.ReadAsync(content, segment, startOffset, MaxRecordBytes, _logger, ct))
        {
            yield return record;
        }
    }

    /// <summary>
    /// Durably records that everything before <paramref name="upTo"/> has been processed, then deletes the segments that lie
    /// entirely before it. A checkpoint never moves backwards.
    /// </summary>
    public async Task CheckpointAsync(LogPosition upTo, CancellationToken ct = default)
    {
        if (upTo.Segment > CurrentSegment)
            throw new ArgumentOutOfRangeException(nameof(upTo), upTo, $"Beyond the log's current segment {CurrentSegment}.");

        await _checkpointGate.WaitAsync(ct);
        try
        {
            var previous = await ReadCheckpointAsync(ct);
            if (upTo > previous)
            {
                var json = JsonSerializer.SerializeToUtf8Bytes(new CheckpointDocument(upTo.Segment, upTo.Offset));
                await _container.GetBlobClient(SegmentNames.Checkpoint).UploadAsync(new BinaryData(json), overwrite: true, ct);
                _logger.LogInformation("Ingest log {Log}: checkpoint moved to {Position}", _options.ContainerName, upTo);
            }

            // Only after the checkpoint is durable may the data before it go.
            foreach (var segment in await ListSegmentsAsync(ct))
            {
                if (segment >= upTo.Segment || segment >= CurrentSegment) break;
                await _container.GetBlobClient(SegmentNames.For(segment)).DeleteIfExistsAsync(cancellationToken: ct);
                _logger.LogDebug("Ingest log {Log}: deleted segment {Segment}", _options.ContainerName, segment);
            }
        }
        finally
        {
            _checkpointGate.Release();
        }
    }

    /// <summary>The last durable checkpoint, or <see cref="LogPosition.Start"/> when there is none.</summary>
    public async Task<LogPosition> ReadCheckpointAsync(CancellationToken ct = default)
    {
        try
        {
            var content = (await _container.GetBlobClient(SegmentNames.Checkpoint).DownloadContentAsync(ct)).Value.Content;
            var document = content.ToObjectFromJson<CheckpointDocument>()
                           ?? throw new InvalidDataException("The ingest log checkpoint blob is empty.");
            return new LogPosition(document.Segment, document.Offset);
        }
        catch (RequestFailedException ex) when (BlobErrors.IsMissing(ex, requestWasConditional: true))
        {
            return LogPosition.Start;
        }
    }

    /// <summary>Stops accepting records, lets the writer finish what is queued, and waits for it.</summary>
    public async ValueTask DisposeAsync()
    {
        _requests.Writer.TryComplete();
        if (_writer is not null) await _writer;
        _checkpointGate.Dispose();
    }

    private void EnsureStarted()
    {
        if (_writer is null) throw new InvalidOperationException("Call InitializeAsync before appending to the ingest log.");
    }

    private async ValueTask EnqueueAsync(WriterRequest request, CancellationToken ct)
    {
        try
        {
            await _requests.Writer.WriteAsync(request, ct);
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(nameof(IngestLog));
        }
    }

    private async Task WriterLoopAsync()
    {
        var reader = _requests.Reader;
        var block = new byte[_options.MaxBlockBytes];
        var batch = new List<WriterRequest>();
        WriterRequest? carried = null;

        while (carried is not null || await reader.WaitToReadAsync())
        {
            var first = carried ?? (reader.TryRead(out var next) ? next : null);
            carried = null;
            if (first is null) continue;

            if (first.IsRoll)
            {
                await RollOnWriterAsync(first);
                continue;
            }

            // Everything already waiting joins this append, up to one block; a roll or an overflow waits for the next turn.
            batch.Clear();
            batch.Add(first);
            var length = RecordFrame.FrameLength(first.Record.Length);
            while (reader.TryRead(out var more))
            {
                if (more.IsRoll || length + RecordFrame.FrameLength(more.Record.Length) > block.Length)
                {
                    carried = more;
                    break;
                }
                batch.Add(more);
                length += RecordFrame.FrameLength(more.Record.Length);
            }

            await AppendBatchAsync(batch, block, length);
        }
    }

    private async Task AppendBatchAsync(List<WriterRequest> batch, byte[] block, int length)
    {
        try
        {
            if (_segmentUncertain || _segmentAppends >= _options.MaxAppendsPerSegment || _segmentLength + length > _options.MaxSegmentBytes)
            {
                await StartNewSegmentAsync(CancellationToken.None);
            }

            var positions = new LogPosition[batch.Count];
            var offset = 0;
            for (var i = 0; i < batch.Count; i++)
            {
                positions[i] = new LogPosition(_segment, _segmentLength + offset);
                offset += RecordFrame.Write(block.AsSpan(offset), batch[i].Record.Span);
            }

            var started = Stopwatch.GetTimestamp();
            await _container.GetAppendBlobClient(SegmentNames.For(_segment)).AppendBlockAsync(
                new MemoryStream(block, 0, length, writable: false),
                new AppendBlobAppendBlockOptions { Conditions = new AppendBlobRequestConditions { IfAppendPositionEqual = _segmentLength } });
            IngestLogMetrics.AppendLatency.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, _metricTag);

            _segmentLength += length;
            _segmentAppends++;
            RecordAppended(batch.Count, length);
            for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(positions[i]);
        }
        catch (Exception ex)
        {
            // The append may have landed even though it failed for us: the tail is now unknown, so never append here again.
            _segmentUncertain = true;
            Interlocked.Increment(ref _failedAppends);
            _logger.LogError(ex, "Ingest log {Log}: append of {Count} records to segment {Segment} failed", _options.ContainerName, batch.Count, _segment);
            var error = new IngestLogWriteException($"Appending to the ingest log failed: {ex.Message}", ex);
            foreach (var request in batch) request.Done.TrySetException(error);
        }
    }

    private async Task RollOnWriterAsync(WriterRequest roll)
    {
        var sealedSegment = _segment;
        try
        {
            await StartNewSegmentAsync(CancellationToken.None);
            roll.Done.TrySetResult(new LogPosition(_segment, 0));
        }
        catch (Exception ex)
        {
            roll.Done.TrySetException(new IngestLogWriteException($"Rolling the ingest log failed: {ex.Message}", ex));
            return;
        }

        try
        {
            // Sealing makes the old segment read-only on the service too. Nothing depends on it (we never append there again),
            // so an emulator that lacks Seal only costs a debug line.
            await _container.GetAppendBlobClient(SegmentNames.For(sealedSegment)).SealAsync();
        }
        catch (RequestFailedException ex)
        {
            _logger.LogDebug(ex, "Ingest log {Log}: sealing segment {Segment} failed", _options.ContainerName, sealedSegment);
        }
    }

    /// <summary>Creates the next segment (skipping numbers that already exist) and makes it current.</summary>
    private async Task StartNewSegmentAsync(CancellationToken ct)
    {
        var candidate = _segment + 1;
        while (true)
        {
            try
            {
                await _container.GetAppendBlobClient(SegmentNames.For(candidate)).CreateAsync(new AppendBlobCreateOptions
                {
                    Conditions = new AppendBlobRequestConditions { IfNoneMatch = ETag.All },
                }, ct);
                break;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Exists already, e.g. our earlier create timed out after it succeeded. Never reuse it: its contents are unknown.
                _logger.LogWarning("Ingest log {Log}: segment {Segment} already exists; skipping to the next", _options.ContainerName, candidate);
                candidate++;
            }
        }

        Volatile.Write(ref _segment, candidate);
        _segmentLength = 0;
        _segmentAppends = 0;
        _segmentUncertain = false;
        Interlocked.Increment(ref _segmentsStarted);
        IngestLogMetrics.Segments.Add(1, _metricTag);
        _logger.LogInformation("Ingest log {Log}: writing segment {Segment}", _options.ContainerName, candidate);
    }

    private void RecordAppended(int records, int bytes)
    {
        Interlocked.Increment(ref _appendBlocks);
        Interlocked.Add(ref _records, records);
        Interlocked.Add(ref _bytes, bytes);
        IngestLogMetrics.Appends.Add(1, _metricTag);
        IngestLogMetrics.Records.Add(records, _metricTag);
        IngestLogMetrics.Bytes.Add(bytes, _metricTag);
        IngestLogMetrics.BatchSize.Record(records, _metricTag);
    }

    private async Task<List<long>> ListSegmentsAsync(CancellationToken ct)
    {
        var segments = new List<long>();
        await foreach (var item in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = SegmentNames.Prefix }, ct))
        {
            if (SegmentNames.TryParse(item.Name, out var segment)) segments.Add(segment);
        }
        segments.Sort();
        return segments;
    }

    private sealed record CheckpointDocument(long Segment, long Offset);

    private sealed class WriterRequest
    {
        private WriterRequest(ReadOnlyMemory<byte> record, bool isRoll)
        {
            Record = record;
            IsRoll = isRoll;
        }

        public ReadOnlyMemory<byte> Record { get; }
        public bool IsRoll { get; }
        public TaskCompletionSource<LogPosition> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static WriterRequest Append(ReadOnlyMemory<byte> record) => new(record, isRoll: false);
        public static WriterRequest Roll() => new(ReadOnlyMemory<byte>.Empty, isRoll: true);
    }
}

/// <summary>An append to the <see cref="IngestLog"/> failed; the record may or may not be in the log (retry; consumers de-duplicate).</summary>
public sealed class IngestLogWriteException(string message, Exception inner) : IOException(message, inner);
