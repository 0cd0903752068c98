using Orleans.Concurrency;

namespace Visibility.Grains.Live;

/// <summary>Collects shipment, buffer and supplier updates and forwards them in batches to every silo's observer (GPSTracker's push notifier).</summary>
public interface IPushNotifierGrain : IGrainWithIntegerKey
{
    [OneWay]
    Task Publish(ShipmentUpdate update);

    [OneWay]
    Task PublishBuffer(Visibility.Domain.Inventory.BufferView buffer);

    [OneWay]
    Task PublishSupplier(Visibility.Domain.Suppliers.SupplierView supplier);

    [OneWay]
    Task PublishDisruption(Visibility.Domain.Disruptions.DisruptionView disruption);
}
