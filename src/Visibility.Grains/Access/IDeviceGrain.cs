using Visibility.Domain.Access;
using Visibility.Grains.Shipments;

namespace Visibility.Grains.Access;

/// <summary>A tracker and the shipments it may report for, keyed by device id.</summary>
public interface IDeviceGrain : IGrainWithStringKey
{
    Task<CreateOutcome> Create(string name, string secretHash, string createdBy);
    Task<DeviceView?> GetView();
    Task<DeviceAccess?> GetAccess();
    Task<DeviceView?> Revoke();
    /// <summary>Replaces the key (and lifts a revocation): the host uses it for its own built-in simulator's tracker.</summary>
    Task<DeviceView?> Rekey(string secretHash);
    /// <summary>Allows (or with <paramref name="assigned"/> false, stops) readings for a shipment from this device.</summary>
    Task<DeviceView?> Assign(string shipmentId, bool assigned);
}
