using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Visibility.Storage;

namespace Visibility.Integration.Tests.Storage;

/// <summary>What only the packed storage promises: many grains per partition blob, group commit, and listing.</summary>
public sealed class PackedBlobGrainStorageTests(AzuriteFixture azurite)
{
    private readonly string _container = AzuriteFixture.NewContainerName("packed");

    private PackedBlobGrainStorage CreateStorage(int partitions = 4) => new("test",
        new PackedBlobStorageOptions { ConnectionString = azurite.ConnectionString, ContainerName = _container, PartitionCount = partitions },
        azurite.LoggerFactory.CreateLogger<PackedBlobGrainStorage>());

    [Fact]
    public async Task Many_grains_share_few_blobs_are_group_committed_and_listed_after_restart()
    {
        var storage = CreateStorage(partitions: 4);
        var ids = Enumerable.Range(0, 400).Select(i => GrainId.Create("shipment", $"s-{i:D4}")).ToList();

        await Task.WhenAll(ids.Select((id, i) =>
            storage.WriteStateAsync("shipment", id, new GrainState<TestShipmentState>(new TestShipmentState { Name = id.ToString(), Updates = i }))));

        // 400 concurrent writes over 4 partitions: group commit makes far fewer uploads than writes.
        Assert.True(storage.FlushCount < ids.Count / 4, $"{storage.FlushCount} uploads for {ids.Count} writes");

        var blobs = new List<string>();
        await foreach (var blob in new BlobContainerClient(azurite.ConnectionString, _container).GetBlobsAsync(
                           new Azure.Storage.Blobs.Models.GetBlobsOptions(), TestContext.Current.CancellationToken))
        {
            blobs.Add(blob.Name);
        }
        Assert.Equal(["shipment/partition-0000.bin", "shipment/partition-0001.bin", "shipment/partition-0002.bin", "shipment/partition-0003.bin"],
            blobs.Order());

        var restarted = CreateStorage(partitions: 4);
        var listed = await restarted.ListGrainIdsAsync("shipment", TestContext.Current.CancellationToken);
        Assert.Equal(ids.Order(), listed.Order());

        var read = new GrainState<TestShipmentState>();
        await restarted.ReadStateAsync("shipment", ids[123], read);
        Assert.Equal(ids[123].ToString(), read.State!.Name);
        Assert.Equal(123, read.State!.Updates);
    }

    [Fact]
    public async Task Listing_skips_cleared_grains_and_other_state_names()
    {
        var storage = CreateStorage();
        var kept = GrainId.Create("shipment", "kept");
        var cleared = GrainId.Create("shipment", "cleared");
        var other = GrainId.Create("shipment", "other-state");
        await storage.WriteStateAsync("shipment", kept, new GrainState<TestShipmentState>(new TestShipmentState()));
        var clearedState = new GrainState<TestShipmentState>(new TestShipmentState());
        await storage.WriteStateAsync("shipment", cleared, clearedState);
        await storage.ClearStateAsync("shipment", cleared, clearedState);
        await storage.WriteStateAsync("audit", other, new GrainState<TestShipmentState>(new TestShipmentState()));

        Assert.Equal([kept], await CreateStorage().ListGrainIdsAsync("shipment", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Opening_existing_data_with_another_partition_count_fails_loudly()
    {
        var id = GrainId.Create("shipment", "p");
        await CreateStorage(partitions: 4).WriteStateAsync("shipment", id, new GrainState<TestShipmentState>(new TestShipmentState()));

        var reconfigured = CreateStorage(partitions: 8);
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => reconfigured.ListGrainIdsAsync("shipment", TestContext.Current.CancellationToken));
        Assert.Contains("PartitionCount cannot change", error.Message);
    }

    [Fact]
    public async Task A_second_writer_on_the_same_partition_is_detected_not_overwritten()
    {
        var id = GrainId.Create("shipment", "shared");
        var neighbour = GrainId.Create("shipment", "neighbour");
        var silo1 = CreateStorage(partitions: 1);
        var silo2 = CreateStorage(partitions: 1);
        await silo1.WriteStateAsync("shipment", id, new GrainState<TestShipmentState>(new TestShipmentState { Name = "from silo 1" }));
        await silo2.ReadStateAsync("shipment", id, new GrainState<TestShipmentState>()); // silo 2 caches the partition
        await silo1.WriteStateAsync("shipment", neighbour, new GrainState<TestShipmentState>(new TestShipmentState { Name = "neighbour" }));

        // Silo 2's cached partition blob ETag is stale: its flush must fail rather than drop silo 1's neighbour write.
        await Assert.ThrowsAsync<Orleans.Storage.InconsistentStateException>(() =>
            silo2.WriteStateAsync("shipment", GrainId.Create("shipment", "third"), new GrainState<TestShipmentState>(new TestShipmentState())));

        var read = new GrainState<TestShipmentState>();
        await CreateStorage(partitions: 1).ReadStateAsync("shipment", neighbour, read);
        Assert.Equal("neighbour", read.State!.Name);

        // After the failure silo 2 reloads and can write again.
        await silo2.WriteStateAsync("shipment", GrainId.Create("shipment", "third"), new GrainState<TestShipmentState>(new TestShipmentState()));
    }
}
