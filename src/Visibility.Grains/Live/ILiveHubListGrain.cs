namespace Visibility.Grains.Live;

/// <summary>The registry of live-map observers, one per silo. A single activation (key 0).</summary>
public interface ILiveHubListGrain : IGrainWithIntegerKey
{
    Task Register(SiloAddress silo, ILiveMapObserver observer);
    Task<IReadOnlyList<ILiveMapObserver>> GetObservers();
}
