using Orleans.Runtime;
using Microsoft.Extensions.Logging;
using Visibility.Domain.Geo;
using Visibility.Domain.Locations;
using Visibility.Domain.Routing;
using Visibility.Domain.Shipments;
using Visibility.Domain.Telemetry;
using Visibility.Grains.Live;
using Visibility.Grains.Routing;

namespace Visibility.Grains.Shipments;

/// <summary>
/// A shipment. Bookings are written through at once; telemetry is written behind: the ingest log already holds every
/// acknowledged reading, so the grain only marks itself dirty and the ingest checkpoint (or deactivation) persists it.
/// Each reading is interpreted by <see cref="ShipmentTracker"/>; changes are published to the live map.
/// </summary>
public sealed class ShipmentGrain(
    [PersistentState("shipment", StorageProviders.Shipments)] IPersistentState<ShipmentState> state,
    LocationCatalog locations,
    RoutePlanner planner,
    RouteGeometryCache geometries,
    AlertThresholds thresholds,
    TimeProvider clock,
    ILogger<ShipmentGrain> logger) : Grain, IShipmentGrain
{
    /// <summary>How often time alone is checked for alerts (silent tracker, slipping ETA).</summary>
    private static readonly TimeSpan AlertSweep = TimeSpan.FromMinutes(1);

    private ShipmentContext? _context;
    private PlannedRoute? _route;
    private bool _dirty;
    private IGrainTimer? _sweep;

    private ShipmentState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.Exists)
        {
            LoadContext();
            Publish([]);
            StartSweepIfMoving();
        }
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_dirty) await WriteAsync();
    }

    public async Task<CreateShipmentResult> Create(ShipmentDefinition definition)
    {
        if (S.Exists)
        {
            return S.Definition!.SameBookingAs(definition)
                ? new CreateShipmentResult(CreateOutcome.AlreadyExists, View())
                : new CreateShipmentResult(CreateOutcome.Conflict, View(), $"shipment '{definition.Id}' already exists with a different booking");
        }
        var origin = locations.Find(definition.Origin);
        var destination = locations.Find(definition.Destination);
        if (origin == null || destination == null)
            return new CreateShipmentResult(CreateOutcome.NoRoute, null, "origin or destination is not a known location");
        var route = planner.Plan(definition.Mode.ToApi(), origin.Point, destination.Point);
        if (route == null)
            return new CreateShipmentResult(CreateOutcome.NoRoute, null,
                $"no {definition.Mode.ToApi()} route from {definition.Origin} to {definition.Destination}");

        S.Definition = definition;
        S.RouteDistanceKm = route.DistanceKm;
        S.Passes = route.Passes.ToArray();
        S.CreatedAt = clock.GetUtcNow();
        S.Status = ShipmentStatus.Planned;
        await WriteAsync();
        LoadContext();
        Publish([]);
        StartSweepIfMoving();
        logger.LogInformation("Shipment {ShipmentId} created: {Mode} {Origin}→{Destination}, {DistanceKm:0} km via {Passes}",
            definition.Id, definition.Mode.ToApi(), definition.Origin, definition.Destination, route.DistanceKm, string.Join(",", route.Passes));
        return new CreateShipmentResult(CreateOutcome.Created, View());
    }

    public Task<ShipmentView?> GetView() => Task.FromResult(S.Exists ? View() : null);

    public Task<TrackView?> GetTrack() => Task.FromResult(S.Exists ? ShipmentViews.ToTrack(S) : null);

    public Task<RouteView?> GetRoute() => Task.FromResult(_route is { } r ? RouteView.From(r) : null);

    public Task<IngestResult> Ingest(TelemetryReading[] readings)
    {
        if (!S.Exists || _context == null) return Task.FromResult(new IngestResult(0, 0));
        int accepted = 0, duplicates = 0;
        var changes = new List<AlertChange>();
        foreach (var reading in readings)
        {
            if (ShipmentTracker.Apply(S, reading, _context, changes) == ApplyOutcome.Duplicate) duplicates++;
            else accepted++;
        }
        if (accepted > 0)
        {
            _dirty = true;
            Publish(changes);
            StartSweepIfMoving();
        }
        return Task.FromResult(new IngestResult(accepted, duplicates));
    }

    public async Task Flush()
    {
        if (_dirty) await WriteAsync();
    }

    public Task Wake() => Task.CompletedTask;

    private async Task WriteAsync()
    {
        _dirty = false;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            _dirty = true;
            throw;
        }
    }

    private void LoadContext()
    {
        var def = S.Definition!;
        var origin = locations.Find(def.Origin);
        var destination = locations.Find(def.Destination);
        _route = origin == null || destination == null ? null : planner.Plan(def.Mode.ToApi(), origin.Point, destination.Point, S.Avoid);
        if (_route == null || origin == null || destination == null)
        {
            // Reference data changed under a stored shipment (e.g. a port dropped from the catalog): keep it readable, stop tracking it.
            logger.LogWarning("Shipment {ShipmentId}: route {Origin}→{Destination} can no longer be planned", def.Id, def.Origin, def.Destination);
            return;
        }
        _context = new ShipmentContext(geometries.For(_route), origin.Point, destination.Point, thresholds);
    }

    private void StartSweepIfMoving()
    {
        if (S.Status == ShipmentStatus.Arrived)
        {
            _sweep?.Dispose();
            _sweep = null;
            return;
        }
        // KeepAlive: a shipment at sea stays active, so a silent tracker is noticed even when nothing calls the grain.
        _sweep ??= this.RegisterGrainTimer(SweepAsync, new GrainTimerCreationOptions(AlertSweep, AlertSweep) { KeepAlive = true });
    }

    private Task SweepAsync(CancellationToken cancellationToken)
    {
        if (_context == null) return Task.CompletedTask;
        var changes = new List<AlertChange>();
        var flagsBefore = S.Flags;
        ShipmentTracker.EvaluateTimeAlerts(S, clock.GetUtcNow(), _context, changes);
        if (changes.Count > 0 || S.Flags != flagsBefore)
        {
            _dirty = true;
            Publish(changes);
        }
        StartSweepIfMoving();
        return Task.CompletedTask;
    }

    private ShipmentView View() => ShipmentViews.ToView(S, clock.GetUtcNow(),
        locations.Find(S.Definition!.Origin)?.Name, locations.Find(S.Definition.Destination)?.Name);

    private void Publish(List<AlertChange> changes)
    {
        var origin = _context?.Origin ?? locations.Find(S.Definition!.Origin)?.Point ?? default;
        var marker = ShipmentViews.ToMarker(S, origin, clock.GetUtcNow());
        GrainFactory.GetGrain<IPushNotifierGrain>(0).Publish(new ShipmentUpdate(marker, [.. changes])).Ignore();
    }
}
