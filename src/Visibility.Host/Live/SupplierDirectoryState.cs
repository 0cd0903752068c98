using Visibility.Domain.Suppliers;
using Visibility.Grains.Registry;
using Visibility.Grains.Suppliers;

namespace Visibility.Host.Live;

/// <summary>
/// This silo's picture of every supplier for the live suppliers feed: loaded from the grains when the first client
/// subscribes, then kept current by the notifiers' supplier views (the higher version wins, so a late load or an
/// out-of-order batch never replaces a newer view).
/// </summary>
public sealed class SupplierDirectoryState(IGrainFactory grains, TimeProvider clock)
{
    private readonly object _lock = new();
    private readonly Dictionary<string, SupplierView> _suppliers = new(StringComparer.Ordinal);
    private HashSet<string> _changed = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private bool _loaded;
    private long _seq;

    public void Apply(IEnumerable<SupplierView> views)
    {
        lock (_lock)
            foreach (var view in views)
                if (Keep(view)) _changed.Add(view.Id);
    }

    public async Task<SuppliersSnapshot> SnapshotAsync()
    {
        if (!_loaded) await LoadAsync();
        lock (_lock) return new SuppliersSnapshot(_seq, clock.GetUtcNow(), Sorted(_suppliers.Values));
    }

    public SuppliersDelta? TakeDelta()
    {
        lock (_lock)
        {
            if (_changed.Count == 0) return null;
            var views = _changed.Select(id => _suppliers[id]).ToArray();
            _changed = new(StringComparer.Ordinal);
            return new SuppliersDelta(++_seq, clock.GetUtcNow(), views);
        }
    }

    private async Task LoadAsync()
    {
        await _loading.WaitAsync();
        try
        {
            if (_loaded) return;
            var ids = await grains.GetGrain<IRegistryGrain>(Registries.Suppliers).All();
            var views = await Task.WhenAll(ids.Select(id => grains.GetGrain<ISupplierGrain>(id).GetView()));
            lock (_lock)
                foreach (var view in views)
                    if (view != null) Keep(view);
            _loaded = true;
        }
        finally { _loading.Release(); }
    }

    private bool Keep(SupplierView view)
    {
        if (_suppliers.TryGetValue(view.Id, out var held) && view.Version < held.Version) return false;
        _suppliers[view.Id] = view;
        return true;
    }

    private static SupplierView[] Sorted(IEnumerable<SupplierView> views) => views.OrderBy(v => v.Name, StringComparer.Ordinal).ToArray();
}

public sealed record SuppliersSnapshot(long Seq, DateTimeOffset At, SupplierView[] Suppliers);

public sealed record SuppliersDelta(long Seq, DateTimeOffset At, SupplierView[] Suppliers);
