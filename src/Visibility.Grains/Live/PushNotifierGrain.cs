using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Visibility.Domain.Inventory;
using Visibility.Domain.Suppliers;

namespace Visibility.Grains.Live;

/// <summary>
/// A local, reentrant stateless worker: shipments publish into it without waiting, and it forwards what has
/// accumulated to each silo's observer on a short timer (or sooner when the buffer fills). Thousands of updates per
/// second become a few batches, never one SignalR send per update.
/// </summary>
[Reentrant]
[StatelessWorker]
public sealed class PushNotifierGrain(ILogger<PushNotifierGrain> logger) : Grain, IPushNotifierGrain
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan ObserverRefresh = TimeSpan.FromSeconds(5);
    private const int FlushAtCount = 500;
    private const int MaxHeldWithoutObserver = 100_000;

    private List<ShipmentUpdate> _buffer = [];
    private List<BufferView> _buffers = [];
    private List<SupplierView> _suppliers = [];
    private List<Visibility.Domain.Disruptions.DisruptionView> _disruptions = [];
    private IReadOnlyList<ILiveMapObserver> _observers = [];
    private DateTime _observersRefreshedAt = DateTime.MinValue;
    private Task _flushing = Task.CompletedTask;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(FlushInterval, FlushInterval) { Interleave = true });
        return Task.CompletedTask;
    }

    public Task Publish(ShipmentUpdate update)
    {
        _buffer.Add(update);
        if (_buffer.Count >= FlushAtCount && _flushing.IsCompleted) _flushing = FlushAsync(CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task PublishBuffer(BufferView buffer)
    {
        _buffers.Add(buffer);
        if (_buffers.Count >= FlushAtCount && _flushing.IsCompleted) _flushing = FlushAsync(CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task PublishSupplier(SupplierView supplier)
    {
        _suppliers.Add(supplier);
        return Task.CompletedTask;
    }

    public Task PublishDisruption(Visibility.Domain.Disruptions.DisruptionView disruption)
    {
        _disruptions.Add(disruption);
        return Task.CompletedTask;
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_buffer.Count == 0 && _buffers.Count == 0 && _suppliers.Count == 0 && _disruptions.Count == 0) return;
        if (DateTime.UtcNow - _observersRefreshedAt > ObserverRefresh || _observers.Count == 0)
        {
            _observers = await GrainFactory.GetGrain<ILiveHubListGrain>(0).GetObservers();
            _observersRefreshedAt = DateTime.UtcNow;
        }
        // At start-up grains publish before the silo's observer has registered: hold the updates (bounded) until it has.
        if (_observers.Count == 0)
        {
            if (_buffer.Count > MaxHeldWithoutObserver) _buffer.RemoveRange(0, _buffer.Count - MaxHeldWithoutObserver);
            if (_buffers.Count > MaxHeldWithoutObserver) _buffers.RemoveRange(0, _buffers.Count - MaxHeldWithoutObserver);
            if (_suppliers.Count > MaxHeldWithoutObserver) _suppliers.RemoveRange(0, _suppliers.Count - MaxHeldWithoutObserver);
            if (_disruptions.Count > MaxHeldWithoutObserver) _disruptions.RemoveRange(0, _disruptions.Count - MaxHeldWithoutObserver);
            return;
        }
        var batch = new LiveUpdateBatch([.. _buffer], [.. _buffers], [.. _suppliers], [.. _disruptions]);
        _buffer = [];
        _buffers = [];
        _suppliers = [];
        _disruptions = [];
        foreach (var observer in _observers)
        {
            try { await observer.OnUpdates(batch); }
            catch (Exception ex)
            {
                // A silo that just left: its observer is dropped at the next refresh; the map re-syncs from snapshots.
                logger.LogWarning(ex, "Live-map observer unreachable; {Count} updates not delivered to it", batch.Updates.Length + batch.Buffers.Length + batch.Suppliers.Length + batch.Disruptions.Length);
                _observersRefreshedAt = DateTime.MinValue;
            }
        }
    }
}
