using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Text;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace Visibility.Storage;

/// <summary>
/// Orleans grain storage for many small grains (10,000+ shipments): each state name's grains are hashed into
/// <see cref="PackedBlobStorageOptions.PartitionCount"/> partition blobs (<c>{stateName}/partition-NNNN.bin</c>), each holding
/// all its grains' JSON states. Writes are group-committed per partition, so write cost and start-up load scale with the
/// partition count rather than the grain count.
/// </summary>
/// <remarks>
/// A grain's ETag is a version number unique within its partition. A partition is loaded on first access and then served
/// from memory, which assumes one silo writes this container; a second writer is detected (the blob's ETag moves) and
/// answered with <see cref="InconsistentStateException"/> and a reload, but reads in between may be stale.
/// </remarks>
public sealed class PackedBlobGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly BlobContainerHandle _container;
    private readonly PackedBlobStorageOptions _options;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<(string StateName, int Index), PackedPartition> _partitions = new();
    private readonly SemaphoreSlim _uploads;

    private readonly IGrainContextAccessor? _grainContext;

    public PackedBlobGrainStorage(string name, PackedBlobStorageOptions options, ILogger<PackedBlobGrainStorage> logger, IGrainContextAccessor? grainContext = null)
    {
        _grainContext = grainContext;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PartitionCount, 1, nameof(options.PartitionCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrentUploads, 1, nameof(options.MaxConcurrentUploads));
        Name = name;
        _uploads = new SemaphoreSlim(options.MaxConcurrentUploads);
        _options = options;
        _logger = logger;
        _container = BlobContainerHandle.Create(options.ConnectionString, options.ContainerName);
    }

    /// <summary>The provider name it is registered under.</summary>
    public string Name { get; }

    public int PartitionCount => _options.PartitionCount;

    /// <summary>Total successful partition uploads since start (each carries one or more grains' writes).</summary>
    public long FlushCount => _partitions.Values.Sum(p => p.FlushCount);

    /// <summary>Creates the container if needed. Runs at silo start; every operation also ensures it.</summary>
    public Task InitializeAsync(CancellationToken ct = default) => _container.EnsureCreatedAsync(ct);

    /// <summary>The partition a grain belongs to: a stable hash (XxHash32 of the id's UTF-8) modulo the partition count.</summary>
    public int PartitionOf(GrainId grainId) =>
        (int)(XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(grainId.ToString()!)) % (uint)_options.PartitionCount);

    /// <summary>The blob path of one partition.</summary>
    public static string PartitionBlobName(string stateName, int index) =>
        $"{BlobNames.EscapeSegment(stateName)}/partition-{index:D4}.bin";

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _container.EnsureCreatedAsync();
        var entry = await PartitionFor(stateName, grainId).ReadAsync(grainId.ToString()!);
        if (entry is { } stored)
        {
            grainState.State = GrainStateJson.Deserialize<T>(PayloadCompression.Decompress(stored.Payload), _options.SerializerOptions);
            grainState.ETag = stored.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }
        else
        {
            SetMissing(grainState);
        }
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var existed = grainState.RecordExists;
        return FailedWrites.DeactivateCallerOnFailedCreate(WriteCoreAsync(stateName, grainId, grainState), grainId, existed, _grainContext);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => ClearCoreAsync(stateName, grainId, grainState);

    private async Task WriteCoreAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _container.EnsureCreatedAsync();
        var payload = PayloadCompression.Compress(GrainStateJson.Serialize(grainState.State, _options.SerializerOptions));
        grainState.ETag = await PartitionFor(stateName, grainId).WriteAsync(grainId.ToString()!, grainState.ETag, payload);
        grainState.RecordExists = true;
    }

    private async Task ClearCoreAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await _container.EnsureCreatedAsync();
        await PartitionFor(stateName, grainId).WriteAsync(grainId.ToString()!, grainState.ETag, payload: null);
        SetMissing(grainState);
    }

    /// <summary>
    /// Every grain with stored state under <paramref name="stateName"/> (used at start-up to find all shipments). Loads all
    /// partitions in parallel; they stay cached for the reads that follow.
    /// </summary>
    public async Task<IReadOnlyList<GrainId>> ListGrainIdsAsync(string stateName, CancellationToken ct = default)
    {
        await _container.EnsureCreatedAsync(ct);
        var keys = await Task.WhenAll(Enumerable.Range(0, _options.PartitionCount)
            .Select(index => Partition(stateName, index).KeysAsync().WaitAsync(ct)));
        return [.. keys.SelectMany(k => k).Select(GrainId.Parse)];
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe($"{nameof(PackedBlobGrainStorage)}-{Name}", ServiceLifecycleStage.ApplicationServices, InitializeAsync);

    private PackedPartition PartitionFor(string stateName, GrainId grainId) => Partition(stateName, PartitionOf(grainId));

    private PackedPartition Partition(string stateName, int index) =>
        _partitions.GetOrAdd((stateName, index), key => new PackedPartition(
            _container.Client.GetBlockBlobClient(PartitionBlobName(key.StateName, key.Index)), key.Index, _options.PartitionCount, _options.FlushLinger, _uploads, _logger));

    private static void SetMissing<T>(IGrainState<T> grainState)
    {
        grainState.State = GrainStateJson.CreateDefault<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }
}
