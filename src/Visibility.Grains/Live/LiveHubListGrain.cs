using Orleans.Runtime;

namespace Visibility.Grains.Live;

/// <summary>
/// Keeps the latest observer per silo and forgets silos that left the cluster, so notifiers never send to the dead.
/// Observers re-register periodically; the list is in memory because a restarted silo registers again.
/// </summary>
public sealed class LiveHubListGrain(IClusterMembershipService membership) : Grain, ILiveHubListGrain
{
    private readonly Dictionary<SiloAddress, ILiveMapObserver> _observers = [];

    public Task Register(SiloAddress silo, ILiveMapObserver observer)
    {
        _observers[silo] = observer;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ILiveMapObserver>> GetObservers()
    {
        var alive = membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress).ToHashSet();
        foreach (var silo in _observers.Keys.Where(s => !alive.Contains(s)).ToList()) _observers.Remove(silo);
        return Task.FromResult<IReadOnlyList<ILiveMapObserver>>(_observers.Values.ToList());
    }
}
