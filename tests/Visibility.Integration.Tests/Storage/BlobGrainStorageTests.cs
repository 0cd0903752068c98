using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Storage;
using Visibility.Storage;

namespace Visibility.Integration.Tests.Storage;

public sealed class BlobGrainStorageTests(AzuriteFixture azurite) : GrainStorageContractTests(azurite)
{
    protected override IGrainStorage CreateStorage() => new BlobGrainStorage("test",
        new BlobStorageOptions { ConnectionString = Azurite.ConnectionString, ContainerName = Container },
        Azurite.LoggerFactory.CreateLogger<BlobGrainStorage>());

    [Fact]
    public async Task Each_grain_is_one_inspectable_json_blob_at_an_escaped_path()
    {
        var id = GrainId.Create("shipment", "sévérine/東京/🚢");
        await CreateStorage().WriteStateAsync(StateName, id, new Orleans.GrainState<TestShipmentState>(new TestShipmentState { Name = "x" }));

        var name = BlobGrainStorage.BlobName(StateName, id);
        Assert.Matches("^[A-Za-z0-9_~/.-]+$", name);
        Assert.StartsWith("shipment/shipment/s~C3~A9v~C3~A9rine~2F", name);
        var blob = new BlobContainerClient(Azurite.ConnectionString, Container).GetBlobClient(name);
        var json = (await blob.DownloadContentAsync(TestContext.Current.CancellationToken)).Value.Content.ToString();
        Assert.Contains("\"name\":\"x\"", json);
    }
}

public sealed class PackedBlobGrainStorageContractTests(AzuriteFixture azurite) : GrainStorageContractTests(azurite)
{
    // Few partitions, so the contract cases also exercise grains sharing a partition blob.
    protected override IGrainStorage CreateStorage() => new PackedBlobGrainStorage("test",
        new PackedBlobStorageOptions { ConnectionString = Azurite.ConnectionString, ContainerName = Container, PartitionCount = 4 },
        Azurite.LoggerFactory.CreateLogger<PackedBlobGrainStorage>());
}
