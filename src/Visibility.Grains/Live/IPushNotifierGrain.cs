using Orleans.Concurrency;

namespace Visibility.Grains.Live;

/// <summary>Collects shipment and buffer updates and forwards them in batches to every silo's observer (GPSTracker's push notifier).</summary>
public interface IPushNotifierGrain : IGrainWithIntegerKey
{
    [OneWay]
    Task Publish(ShipmentUpdate update);

    [OneWay]
    Task PublishBuffer(Visibility.Domain.Inventory.BufferView buffer);
}
