using Orleans.Runtime;
using Microsoft.Extensions.Logging;
using Visibility.Domain.Disruptions;
using Visibility.Domain.Geo;
using Visibility.Domain.Locations;
using Visibility.Domain.Routing;
using Visibility.Domain.Shipments;
using Visibility.Domain.Telemetry;
using Visibility.Domain.Factories;
using Visibility.Grains.Disruptions;
using Visibility.Grains.Factories;
using Visibility.Grains.Live;
using Visibility.Grains.Routing;

namespace Visibility.Grains.Shipments;

/// <summary>
/// A shipment. Bookings are written through at once; telemetry is written behind: the ingest log already holds every
/// acknowledged reading, so the grain only marks itself dirty and the ingest checkpoint (or deactivation) persists it.
/// Each reading is interpreted by <see cref="ShipmentTracker"/>; changes are published to the live map.
/// The grain keeps itself registered with the disruption indexes it can be reached through (the chokepoints of its
/// route, its destination port, its geo-cell) and applies what disruptions ask with <see cref="ShipmentDisruptions"/>.
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
    /// <summary>An ETA that moves less than this is not worth recalculating the factories' buffers for.</summary>
    private static readonly TimeSpan EtaNotifyThreshold = TimeSpan.FromHours(1);

    private ShipmentContext? _context;
    private PlannedRoute? _route;
    private bool _dirty;
    private IGrainTimer? _sweep;
    /// <summary>Disruption indexes this activation has joined (they keep members in memory, so it joins again on activation).</summary>
    private readonly HashSet<string> _joined = new(StringComparer.Ordinal);
    private int _cell = -1;

    private ShipmentState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.Exists)
        {
            LoadContext();
            Publish([]);
            StartSweepIfMoving();
            SyncIndexes(routeChanged: true);
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
            // A retry is answered "exists" only once that state is stored: an earlier attempt's write may have failed.
            if (_dirty && S.Definition!.SameBookingAs(definition)) await WriteAsync();
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
        S.PlannedDistanceKm = route.DistanceKm;
        S.Passes = route.Passes.ToArray();
        S.CreatedAt = clock.GetUtcNow();
        S.Status = ShipmentStatus.Planned;
        await WriteAsync();
        LoadContext();
        Publish([]);
        StartSweepIfMoving();
        SyncIndexes(routeChanged: true);
        await NotifyFactoriesAsync(force: true);
        logger.LogInformation("Shipment {ShipmentId} created: {Mode} {Origin}→{Destination}, {DistanceKm:0} km via {Passes}",
            definition.Id, definition.Mode.ToApi(), definition.Origin, definition.Destination, route.DistanceKm, string.Join(",", route.Passes));
        return new CreateShipmentResult(CreateOutcome.Created, View());
    }

    public Task<ShipmentView?> GetView() => Task.FromResult(S.Exists ? View() : null);

    public Task<string?> GetSupplierId() => Task.FromResult(S.Definition?.SupplierId);

    public Task<TrackView?> GetTrack() => Task.FromResult(S.Exists ? ShipmentViews.ToTrack(S) : null);

    public Task<RouteView?> GetRoute()
    {
        if (_route is not { } route) return Task.FromResult<RouteView?>(null);
        var view = RouteView.From(route);
        if (ShipmentViews.IsRerouted(S) && _context != null && planner.Plan(S.Definition!.Mode.ToApi(), _context.Origin, _context.Destination) is { } booked)
            view = view with { Rerouted = true, OriginalDistanceKm = Math.Round(booked.DistanceKm, 1), OriginalPath = RouteView.PathOf(booked),
                Avoid = S.Disruptions.Where(d => d.Outcome == ShipmentEffects.Rerouted && d.Effect.Chokepoint != null).Select(d => d.Effect.Chokepoint!).Distinct().ToArray() };
        return Task.FromResult<RouteView?>(view);
    }

    public Task<IngestResult> Ingest(TelemetryReading[] readings)
    {
        if (!S.Exists || _context == null) return Task.FromResult(new IngestResult(0, 0));
        int accepted = 0, duplicates = 0, stale = 0;
        var changes = new List<AlertChange>();
        foreach (var reading in readings)
        {
            switch (ShipmentTracker.Apply(S, reading, _context, changes))
            {
                case ApplyOutcome.Duplicate: duplicates++; break;
                case ApplyOutcome.Stale: stale++; break;
                default: accepted++; break;
            }
        }
        if (accepted > 0)
        {
            _dirty = true;
            EvaluateZones(changes);
            SyncIndexes(routeChanged: false);
            Publish(changes);
            StartSweepIfMoving();
            // Not awaited: ingest must not wait on factories; a lost update is repaired by the next ETA move.
            NotifyFactoriesAsync(force: false).Ignore();
        }
        return Task.FromResult(new IngestResult(accepted, duplicates, stale));
    }

    public async Task<MilestoneResult> PostMilestone(Milestone milestone)
    {
        if (!S.Exists) return new MilestoneResult(MilestoneOutcome.NotFound, null);
        var (check, reason) = MilestoneRules.Check(S.Milestones, milestone);
        if (check == MilestoneCheck.Duplicate)
        {
            // The same report again: acknowledged as recorded, so what it recorded must be stored, though the first
            // attempt's write may have failed (it was answered 503 then).
            if (_dirty) await WriteAsync();
            return new MilestoneResult(MilestoneOutcome.Duplicate, View());
        }
        if (check == MilestoneCheck.Conflict) return new MilestoneResult(MilestoneOutcome.Conflict, View(), reason);

        var changes = new List<AlertChange>();
        ShipmentTracker.ApplyMilestone(S, milestone, changes);
        await WriteAsync();
        SyncIndexes(routeChanged: false);
        Publish(changes);
        StartSweepIfMoving();
        if (milestone.Code == MilestoneCode.Delivered)
        {
            foreach (var (factoryId, lines) in CargoByFactory())
                await GrainFactory.GetGrain<IFactoryGrain>(factoryId).Deliver(S.Definition!.Id, lines);
        }
        else await NotifyFactoriesAsync(force: true);
        return new MilestoneResult(MilestoneOutcome.Recorded, View());
    }

    /// <summary>
    /// Tells each factory this shipment feeds its quantities and current ETA: on booking, after milestones, and whenever
    /// the ETA has moved by more than <see cref="EtaNotifyThreshold"/> since the factories last heard.
    /// </summary>
    private async Task NotifyFactoriesAsync(bool force)
    {
        if (S.Status == ShipmentStatus.Delivered) return;
        var eta = ShipmentTracker.Eta(S, clock.GetUtcNow());
        if (!force && S.NotifiedEta is { } last && (eta - last).Duration() < EtaNotifyThreshold) return;
        var byFactory = CargoByFactory();
        if (byFactory.Count == 0) return;
        S.NotifiedEta = eta;
        _dirty = true;
        foreach (var (factoryId, lines) in byFactory)
            await GrainFactory.GetGrain<IFactoryGrain>(factoryId).UpsertInbound(S.Definition!.Id, lines, eta);
    }

    private Dictionary<string, InboundLine[]> CargoByFactory() => S.Definition!.Cargo
        .Where(c => c.FactoryId != null)
        .GroupBy(c => c.FactoryId!)
        .ToDictionary(g => g.Key, g => g.Select(c => new InboundLine(c.PartNumber, c.Quantity)).ToArray());

    public async Task Flush()
    {
        if (_dirty) await WriteAsync();
    }

    public Task Wake() => Task.CompletedTask;

    public Task<DisruptionReply> ApplyDisruption(DisruptionEffect effect)
    {
        if (!S.Exists) return Task.FromResult(new DisruptionReply(HoldOutcome.Ignored, null));
        var outcome = ShipmentDisruptions.Apply(S, effect, Routing(), clock.GetUtcNow());
        if (outcome.Hold != HoldOutcome.Ignored && outcome.Impact is { } impact)
            logger.LogDebug("Shipment {ShipmentId}: {Effect} by {DisruptionId} ({AddedDays} d)", S.Definition!.Id, impact.Effect, effect.DisruptionId, impact.AddedDays);
        if (outcome.Hold == HoldOutcome.Affected || outcome.Alerts.Count > 0 || outcome.RouteChanged) AfterDisruptionChange(outcome);
        else if (outcome.Hold == HoldOutcome.Watching) _dirty = true;
        return Task.FromResult(new DisruptionReply(outcome.Hold, outcome.Impact));
    }

    public Task<bool> RemoveDisruption(string disruptionId)
    {
        if (!S.Exists) return Task.FromResult(false);
        var outcome = ShipmentDisruptions.Remove(S, disruptionId, Routing(), clock.GetUtcNow());
        if (outcome.Impact == null && !outcome.RouteChanged && outcome.Alerts.Count == 0)
        {
            // Nothing it did shows (a zone it only watched): drop it quietly.
            _dirty = true;
            return Task.FromResult(true);
        }
        AfterDisruptionChange(outcome);
        return Task.FromResult(true);
    }

    /// <summary>
    /// A disruption changed the route or the ETA: rebuild the geometry, re-check the time alerts (a re-route usually
    /// makes it late), re-join the indexes of the new route, push the marker and tell the factories the new ETA.
    /// Written behind like telemetry: after a crash the disruptions assert themselves again and the outcome is the same.
    /// </summary>
    private void AfterDisruptionChange(DisruptionOutcome outcome)
    {
        var changes = outcome.Alerts;
        if (outcome.RouteChanged)
        {
            LoadContext();
            SyncIndexes(routeChanged: true);
        }
        if (_context != null) ShipmentTracker.EvaluateTimeAlerts(S, clock.GetUtcNow(), _context, changes);
        _dirty = true;
        Publish(changes);
        // Not awaited: the index asking thousands of shipments must not wait on factory writes.
        NotifyFactoriesAsync(force: true).Ignore();
    }

    private ShipmentRouting? Routing() => _route != null && _context != null
        ? new ShipmentRouting(planner, _context.Origin, _context.Destination, _route, _context.Route, geometries.For)
        : null;

    /// <summary>Zone alerts after a reading; the disruptions hear who entered or left their zone.</summary>
    private void EvaluateZones(List<AlertChange> changes)
    {
        if (S.Disruptions.Count == 0 || S.Last is not { } last) return;
        var (entered, left) = ShipmentDisruptions.EvaluateZones(S, new GeoPoint(last.Lat, last.Lon), clock.GetUtcNow(), changes);
        foreach (var (disruptionId, impact) in entered) GrainFactory.GetGrain<IDisruptionGrain>(disruptionId).ShipmentAffected(impact).Ignore();
        foreach (var id in left) GrainFactory.GetGrain<IDisruptionGrain>(id).ShipmentCleared(S.Definition!.Id).Ignore();
    }

    /// <summary>
    /// Keeps this shipment a member of exactly the indexes that can reach it: the chokepoints of its route, its
    /// destination port and its current geo-cell; none once it has arrived. One-way calls, only on a change.
    /// </summary>
    private void SyncIndexes(bool routeChanged)
    {
        var position = S.Last is { } last ? new GeoPoint(last.Lat, last.Lon) : _context?.Origin;
        int cell = S.IsFinished || position is not { } p ? -1 : GeoCells.NumberOf(p);
        bool finishedChange = S.IsFinished && _joined.Count > 0;
        if (!routeChanged && cell == _cell && !finishedChange) return;
        if (cell != _cell && cell >= 0) ShipmentDisruptions.ForgetDistantZones(S, GeoCells.KeyOfNumber(cell));
        _cell = cell;
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        if (!S.IsFinished)
        {
            foreach (var pass in S.Passes) wanted.Add(IndexKeys.Chokepoint(pass));
            wanted.Add(IndexKeys.Port(S.Definition!.Destination));
            if (cell >= 0) wanted.Add(GeoCells.KeyOfNumber(cell));
        }
        string id = S.Definition!.Id;
        foreach (var key in _joined.Where(k => !wanted.Contains(k)).ToArray())
        {
            GrainFactory.GetGrain<IDisruptionIndexGrain>(key).LeaveShipment(id).Ignore();
            _joined.Remove(key);
        }
        foreach (var key in wanted.Where(k => !_joined.Contains(k)).ToArray())
        {
            GrainFactory.GetGrain<IDisruptionIndexGrain>(key).JoinShipment(id).Ignore();
            _joined.Add(key);
        }
    }

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
        _route = origin == null || destination == null ? null
            : ShipmentRoutes.Build(planner, def.Mode.ToApi(), origin.Point, destination.Point, S.Avoid, S.Splices);
        if (_route == null && S.Splices.Count > 0 && origin != null && destination != null)
        {
            // A splice that no longer plans (reference data changed): fall back to the base plan rather than lose the shipment.
            logger.LogWarning("Shipment {ShipmentId}: its re-routed course can no longer be planned; back on the base plan", def.Id);
            S.Splices = [];
            _route = planner.Plan(def.Mode.ToApi(), origin.Point, destination.Point, S.Avoid);
            if (_route != null) S.RouteDistanceKm = _route.DistanceKm;
        }
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
        if (S.IsFinished)
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
        // A stalled or silent shipment's ETA slides with time: the factories hear about it without any reading.
        return NotifyFactoriesAsync(force: false);
    }

    private ShipmentView View() => ShipmentViews.ToView(S, clock.GetUtcNow(),
        locations.Find(S.Definition!.Origin)?.Name, locations.Find(S.Definition.Destination)?.Name);

    private void Publish(List<AlertChange> changes)
    {
        var origin = _context?.Origin ?? locations.Find(S.Definition!.Origin)?.Point ?? default;
        var now = clock.GetUtcNow();
        var marker = ShipmentViews.ToMarker(S, origin, now);
        GrainFactory.GetGrain<IPushNotifierGrain>(0).Publish(new ShipmentUpdate(marker, [.. changes], now)).Ignore();
    }
}
