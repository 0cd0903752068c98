using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace Visibility.Storage;

/// <summary>
/// Orleans grain storage with one JSON block blob per grain at <c>{stateName}/{grainType}/{grainKey}.json</c> (each segment
/// escaped by <see cref="BlobNames"/>). The grain's ETag is the blob's ETag: creates use <c>If-None-Match: *</c>, updates and
/// deletes use <c>If-Match</c>, and a failed condition throws <see cref="InconsistentStateException"/> without overwriting.
/// </summary>
/// <remarks>
/// Fine for grains counted in hundreds; at ~300 blob writes/s (Azurite) thousands of grains are slow to write and to load at
/// start-up — use <see cref="PackedBlobGrainStorage"/> for those. Clear deletes the blob (no tombstone): a later write with a
/// null ETag recreates it. If a write times out after it landed, the SDK's retry fails its If-Match and the caller sees
/// <see cref="InconsistentStateException"/>; the grain then re-reads and finds its own write — never a silent overwrite.
/// </remarks>
public sealed class BlobGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly BlobContainerHandle _container;
    private readonly BlobStorageOptions _options;
    private readonly ILogger _logger;

    private readonly IGrainContextAccessor? _grainContext;

    public BlobGrainStorage(string name, BlobStorageOptions options, ILogger<BlobGrainStorage> logger, IGrainContextAccessor? grainContext = null)
    {
        _grainContext = grainContext;
        Name = name;
        _options = options;
        _logger = logger;
        _container = BlobContainerHandle.Create(options.ConnectionString, options.ContainerName);
    }

    /// <summary>The provider name it is registered under.</summary>
    public string Name { get; }

    /// <summary>Creates the container if needed. Runs at silo start; every operation also ensures it.</summary>
    public Task InitializeAsync(CancellationToken ct = default) => _container.EnsureCreatedAsync(ct);

    /// <summary>The blob path holding one grain's state.</summary>
    public static string BlobName(string stateName, GrainId grainId) =>
        $"{BlobNames.EscapeSegment(stateName)}/{BlobNames.EscapeSegment(grainId.Type.ToString()!)}/{BlobNames.EscapeSegment(grainId.Key.ToString()!)}.json";

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _container.EnsureCreatedAsync();
        var blob = BlobFor(stateName, grainId);
        try
        {
            var download = await blob.DownloadContentAsync();
            grainState.State = GrainStateJson.Deserialize<T>(download.Value.Content.ToMemory().Span, _options.SerializerOptions);
            grainState.ETag = download.Value.Details.ETag.ToString();
            grainState.RecordExists = true;
        }
        catch (RequestFailedException ex) when (BlobErrors.IsMissing(ex))
        {
            SetMissing(grainState);
        }
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        FailedWrites.DeactivateCallerOnFailure(WriteCoreAsync(stateName, grainId, grainState), grainId, _grainContext);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        FailedWrites.DeactivateCallerOnFailure(ClearCoreAsync(stateName, grainId, grainState), grainId, _grainContext);

    private async Task WriteCoreAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _container.EnsureCreatedAsync();
        var blob = BlobFor(stateName, grainId);
        var json = GrainStateJson.Serialize(grainState.State, _options.SerializerOptions);
        var conditions = grainState.ETag is null
            ? new BlobRequestConditions { IfNoneMatch = ETag.All }
            : new BlobRequestConditions { IfMatch = new ETag(grainState.ETag) };
        try
        {
            var uploaded = await blob.UploadAsync(new MemoryStream(json, writable: false), new BlobUploadOptions
            {
                Conditions = conditions,
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            });
            grainState.ETag = uploaded.Value.ETag.ToString();
            grainState.RecordExists = true;
        }
        catch (RequestFailedException ex) when (BlobErrors.IsConditionFailed(ex))
        {
            throw await ConflictAsync(blob, "write", stateName, grainId, grainState.ETag, ex);
        }
    }

    private async Task ClearCoreAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _container.EnsureCreatedAsync();
        var blob = BlobFor(stateName, grainId);
        if (grainState.ETag is null)
        {
            // We believe nothing is stored. If someone stored something meanwhile, deleting it would lose their write.
            if (await blob.ExistsAsync())
                throw await ConflictAsync(blob, "clear", stateName, grainId, null, inner: null);
        }
        else
        {
            try
            {
                await blob.DeleteAsync(DeleteSnapshotsOption.IncludeSnapshots,
                    new BlobRequestConditions { IfMatch = new ETag(grainState.ETag) });
            }
            catch (RequestFailedException ex) when (BlobErrors.IsConditionFailed(ex))
            {
                throw await ConflictAsync(blob, "clear", stateName, grainId, grainState.ETag, ex);
            }
        }
        SetMissing(grainState);
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe($"{nameof(BlobGrainStorage)}-{Name}", ServiceLifecycleStage.ApplicationServices, InitializeAsync);

    private BlockBlobClient BlobFor(string stateName, GrainId grainId) =>
        _container.Client.GetBlockBlobClient(BlobName(stateName, grainId));

    private static void SetMissing<T>(IGrainState<T> grainState)
    {
        grainState.State = GrainStateJson.CreateDefault<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private async Task<InconsistentStateException> ConflictAsync(
        BlockBlobClient blob, string operation, string stateName, GrainId grainId, string? expectedETag, Exception? inner)
    {
        // Best effort: the stored ETag makes the log line actionable; failing to fetch it must not hide the conflict.
        string stored;
        try { stored = (await blob.GetPropertiesAsync()).Value.ETag.ToString(); }
        catch (RequestFailedException ex) when (BlobErrors.IsMissing(ex)) { stored = "(none)"; }
        catch (RequestFailedException) { stored = "(unknown)"; }

        _logger.LogWarning("Grain storage {Provider}: {Operation} of {StateName} for {GrainId} conflicted (expected ETag {Expected}, stored {Stored})",
            Name, operation, stateName, grainId, expectedETag ?? "(none)", stored);
        var message = $"{operation} of state '{stateName}' for grain {grainId} lost an optimistic-concurrency race " +
                      $"(expected ETag {expectedETag ?? "(none)"}, stored {stored}).";
        return inner is null
            ? new InconsistentStateException(message, stored, expectedETag ?? "(none)")
            : new InconsistentStateException(message, stored, expectedETag ?? "(none)", inner);
    }
}
