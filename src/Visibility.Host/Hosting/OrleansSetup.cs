using Orleans.Configuration;
using Visibility.Domain.Shipments;
using Visibility.Grains;
using Visibility.Grains.Routing;
using Visibility.Storage;

namespace Visibility.Host.Hosting;

/// <summary>The co-hosted Orleans silo, its grain storage providers and the services grains take from DI.</summary>
public static class OrleansSetup
{
    public static WebApplicationBuilder AddVisibilityOrleans(this WebApplicationBuilder builder, StorageConnection storage)
    {
        var config = builder.Configuration;
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(
                siloPort: config.GetValue("Orleans:SiloPort", 11111),
                gatewayPort: config.GetValue("Orleans:GatewayPort", 30000),
                serviceId: "visibility",
                clusterId: "visibility-local");
            silo.AddBlobGrainStorage(StorageProviders.Default, o =>
            {
                o.ConnectionString = storage.ConnectionString;
                o.ContainerName = "grain-state";
            });
            silo.AddPackedBlobGrainStorage(StorageProviders.Shipments, o =>
            {
                o.ConnectionString = storage.ConnectionString;
                o.ContainerName = "shipment-state";
                o.PartitionCount = config.GetValue("Storage:ShipmentPartitions", 64);
            });
            silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromHours(2));
        });

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<RouteGeometryCache>();
        builder.Services.AddSingleton(config.GetSection("Alerts").Get<AlertThresholds>() ?? AlertThresholds.Default);
        return builder;
    }
}
