namespace Visibility.Grains.Live;

/// <summary>Implemented once per silo by the host's live-map broadcaster, which owns the SignalR connections of that silo.</summary>
public interface ILiveMapObserver : IGrainObserver
{
    Task OnUpdates(LiveUpdateBatch batch);
}
