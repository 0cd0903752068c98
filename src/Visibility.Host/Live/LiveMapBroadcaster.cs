using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.SignalR;
using Orleans.Runtime;
using Visibility.Grains.Live;
using Visibility.Grains.Shipments;

namespace Visibility.Host.Live;

/// <summary>
/// This silo's end of the push path: registered as the silo's observer with <see cref="ILiveHubListGrain"/>, it folds
/// notifier batches into <see cref="LiveMapState"/> and, every flush interval, sends one compact delta to the map group
/// and fresh views to the watchers of changed shipments.
/// </summary>
public sealed class LiveMapBroadcaster(
    LiveMapState map,
    BufferBoardState board,
    SupplierDirectoryState suppliers,
    DisruptionFeedState disruptions,
    ShipmentWatchers watchers,
    IHubContext<LiveHub> hub,
    IGrainFactory grains,
    ILocalSiloDetails silo,
    IConfiguration configuration,
    ILogger<LiveMapBroadcaster> logger) : BackgroundService, ILiveMapObserver
{
    private static readonly Meter Meter = new("Visibility.Live");
    private static readonly Counter<long> UpdatesIn = Meter.CreateCounter<long>("visibility.live.updates", description: "Shipment updates received from notifiers");
    private static readonly Counter<long> DeltasOut = Meter.CreateCounter<long>("visibility.live.deltas", description: "Map deltas sent to the map group");
    private static readonly Counter<long> MarkersOut = Meter.CreateCounter<long>("visibility.live.markers", description: "Markers sent in deltas");

    public Task OnUpdates(LiveUpdateBatch batch)
    {
        UpdatesIn.Add(batch.Updates.Length + batch.Buffers.Length + batch.Suppliers.Length + batch.Disruptions.Length);
        if (batch.Updates.Length > 0) map.Apply(batch);
        if (batch.Buffers.Length > 0) board.Apply(batch.Buffers);
        if (batch.Suppliers.Length > 0) suppliers.Apply(batch.Suppliers);
        if (batch.Disruptions.Length > 0) disruptions.Apply(batch.Disruptions);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var flush = TimeSpan.FromMilliseconds(configuration.GetValue("Live:FlushMilliseconds", 250));
        var reference = grains.CreateObjectReference<ILiveMapObserver>(this);
        var hubList = grains.GetGrain<ILiveHubListGrain>(0);
        var registeredAt = DateTime.MinValue;
        using var timer = new PeriodicTimer(flush);
        do
        {
            try
            {
                // Re-register now and then: the list grain may have been reactivated elsewhere and forgotten us.
                if (DateTime.UtcNow - registeredAt > TimeSpan.FromSeconds(30))
                {
                    await hubList.Register(silo.SiloAddress, reference);
                    registeredAt = DateTime.UtcNow;
                }
                await FlushAsync();
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Live map flush failed");
                registeredAt = DateTime.MinValue;
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task FlushAsync()
    {
        if (board.TakeDelta() is { } boardDelta) await hub.Clients.Group(LiveHub.BoardGroup).SendAsync("boardDelta", boardDelta);
        if (suppliers.TakeDelta() is { } suppliersDelta) await hub.Clients.Group(LiveHub.SuppliersGroup).SendAsync("suppliersDelta", suppliersDelta);
        if (disruptions.TakeDelta() is { } disruptionsDelta) await hub.Clients.Group(LiveHub.DisruptionsGroup).SendAsync("disruptionsDelta", disruptionsDelta);
        if (map.TakeDelta() is not { } taken) return;
        await hub.Clients.Group(LiveHub.MapGroup).SendAsync("mapDelta", taken.Delta);
        DeltasOut.Add(1);
        MarkersOut.Add(taken.Delta.Markers.Length);
        foreach (var id in taken.Changed)
        {
            if (!watchers.IsWatched(id)) continue;
            var view = await grains.GetGrain<IShipmentGrain>(id).GetView();
            if (view != null) await hub.Clients.Group(ShipmentWatchers.GroupFor(id)).SendAsync("shipment", view);
        }
    }
}
