using Visibility.Domain.Disruptions;
using Visibility.Grains.Disruptions;
using Visibility.Grains.Registry;

namespace Visibility.Host.Live;

/// <summary>
/// This silo's picture of every disruption for the live disruptions feed: loaded from the grains when the first client
/// subscribes, then kept current by the notifiers' views (the higher version wins, so a late load or an out-of-order
/// batch never replaces a newer view). Same pattern as <see cref="SupplierDirectoryState"/>.
/// </summary>
public sealed class DisruptionFeedState(IGrainFactory grains, TimeProvider clock)
{
    private readonly object _lock = new();
    private readonly Dictionary<string, DisruptionView> _disruptions = new(StringComparer.Ordinal);
    private HashSet<string> _changed = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private bool _loaded;
    private long _seq;

    public void Apply(IEnumerable<DisruptionView> views)
    {
        lock (_lock)
            foreach (var view in views)
                if (Keep(view)) _changed.Add(view.Id);
    }

    public async Task<DisruptionsSnapshot> SnapshotAsync()
    {
        if (!_loaded) await LoadAsync();
        lock (_lock) return new DisruptionsSnapshot(_seq, clock.GetUtcNow(), Sorted(_disruptions.Values));
    }

    public DisruptionsDelta? TakeDelta()
    {
        lock (_lock)
        {
            if (_changed.Count == 0) return null;
            var views = Sorted(_changed.Select(id => _disruptions[id]));
            _changed = new(StringComparer.Ordinal);
            return new DisruptionsDelta(++_seq, clock.GetUtcNow(), views);
        }
    }

    private async Task LoadAsync()
    {
        await _loading.WaitAsync();
        try
        {
            if (_loaded) return;
            var ids = await grains.GetGrain<IRegistryGrain>(Registries.Disruptions).All();
            var views = await Task.WhenAll(ids.Select(id => grains.GetGrain<IDisruptionGrain>(id).GetView()));
            lock (_lock)
                foreach (var view in views)
                    if (view != null) Keep(view);
            _loaded = true;
        }
        finally { _loading.Release(); }
    }

    private bool Keep(DisruptionView view)
    {
        if (_disruptions.TryGetValue(view.Id, out var held) && view.Version < held.Version) return false;
        _disruptions[view.Id] = view;
        return true;
    }

    /// <summary>Active first, newest first.</summary>
    private static DisruptionView[] Sorted(IEnumerable<DisruptionView> views) => views
        .OrderBy(v => v.Status == "active" ? 0 : 1).ThenByDescending(v => v.Start).ThenBy(v => v.Id, StringComparer.Ordinal).ToArray();
}

public sealed record DisruptionsSnapshot(long Seq, DateTimeOffset At, DisruptionView[] Disruptions);

public sealed record DisruptionsDelta(long Seq, DateTimeOffset At, DisruptionView[] Disruptions);
