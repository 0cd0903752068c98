using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Visibility.Domain.Access;
using Visibility.Domain.Shipments;
using Visibility.Grains.Shipments;
using Visibility.Host.Auth;

namespace Visibility.Host.Live;

/// <summary>
/// /hubs/live. Clients subscribe to the map (a snapshot now, then "mapDelta" every flush) and watch single shipments
/// ("shipment" pushes), the manager board, the suppliers and the disruptions. See README, "Live hub".
/// </summary>
[Authorize]
public sealed class LiveHub(LiveMapState map, BufferBoardState board, SupplierDirectoryState suppliers, DisruptionFeedState disruptions,
    ShipmentWatchers watchers, IGrainFactory grains) : Hub
{
    public const string MapGroup = "map";
    public const string BoardGroup = "board";
    public const string SuppliersGroup = "suppliers";
    public const string DisruptionsGroup = "disruptions";

    private const string MapRoles = Roles.Operator + "," + Roles.Manager + "," + Roles.Admin;
    private const string BoardRoles = Roles.Manager + "," + Roles.Admin;
    private const string ShipmentRoles = MapRoles + "," + Roles.Supplier;

    [Authorize(Roles = MapRoles)]
    public async Task<MapSnapshot> SubscribeMap()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, MapGroup);
        // Taken after joining the group: a delta sent in between is at worst applied twice, never missed.
        return map.Snapshot();
    }

    public Task UnsubscribeMap() => Groups.RemoveFromGroupAsync(Context.ConnectionId, MapGroup);

    /// <summary>The manager board: every factory × part buffer now, then "boardDelta" with the rows that changed.</summary>
    [Authorize(Roles = BoardRoles)]
    public async Task<BoardSnapshot> SubscribeBoard()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, BoardGroup);
        return board.Snapshot();
    }

    public Task UnsubscribeBoard() => Groups.RemoveFromGroupAsync(Context.ConnectionId, BoardGroup);

    /// <summary>Every supplier with its sites' posted status now, then "suppliersDelta" with the suppliers that changed.</summary>
    [Authorize(Roles = MapRoles)]
    public async Task<SuppliersSnapshot> SubscribeSuppliers()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, SuppliersGroup);
        return await suppliers.SnapshotAsync();
    }

    public Task UnsubscribeSuppliers() => Groups.RemoveFromGroupAsync(Context.ConnectionId, SuppliersGroup);

    /// <summary>Every disruption (active first) with its impact summary now, then "disruptionsDelta" with those that changed.</summary>
    [Authorize(Roles = MapRoles)]
    public async Task<DisruptionsSnapshot> SubscribeDisruptions()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, DisruptionsGroup);
        return await disruptions.SnapshotAsync();
    }

    public Task UnsubscribeDisruptions() => Groups.RemoveFromGroupAsync(Context.ConnectionId, DisruptionsGroup);

    /// <summary>
    /// The shipment now, then "shipment" pushes. A supplier user may watch its own shipments; for another supplier's it
    /// gets exactly what a missing shipment gives (null, and no pushes).
    /// </summary>
    [Authorize(Roles = ShipmentRoles)]
    public async Task<ShipmentView?> WatchShipment(string id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 128) throw new HubException("invalid shipment id");
        var view = await grains.GetGrain<IShipmentGrain>(id).GetView();
        if (view == null || !Caller.From(Context.User!).MaySee(view.SupplierId)) return null;
        watchers.Watch(Context.ConnectionId, id);
        await Groups.AddToGroupAsync(Context.ConnectionId, ShipmentWatchers.GroupFor(id));
        return view;
    }

    public async Task UnwatchShipment(string id)
    {
        watchers.Unwatch(Context.ConnectionId, id);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, ShipmentWatchers.GroupFor(id));
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        watchers.Disconnected(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
