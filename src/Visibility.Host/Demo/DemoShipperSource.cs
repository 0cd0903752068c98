using Visibility.Simulator;

namespace Visibility.Host.Demo;

/// <summary>
/// The built-in simulator's shippers: the demo suppliers as the API lists them, read only after the demo network is
/// seeded. Read earlier, the first voyages would be booked without their supplier and keep that booking for good.
/// </summary>
public sealed class DemoShipperSource(DemoSeedStatus seeded) : IShipperSource
{
    public async Task<ShipperCatalog> LoadAsync(VisibilityApiClient api, CancellationToken ct)
    {
        await seeded.Done.WaitAsync(ct);
        return await new ApiShipperSource().LoadAsync(api, ct);
    }
}
