using Visibility.Domain.Geo;
using Visibility.Domain.Routing;
using Visibility.Domain.Shipments;

namespace Visibility.Domain.Disruptions;

/// <summary>A disruption a shipment holds, with what it did to it (see <see cref="ShipmentEffects"/>).</summary>
[GenerateSerializer, Immutable]
public sealed record AppliedDisruption(
    [property: Id(0)] DisruptionEffect Effect,
    [property: Id(1)] string Outcome,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] ShipmentImpact? Impact);

/// <summary>What the shipment's route is made of: the planner, its end points and the route it follows now.</summary>
/// <param name="Geometries">Geometry of a planned route; the grains pass their shared cache (lanes share one geometry).</param>
public sealed record ShipmentRouting(RoutePlanner Planner, GeoPoint Origin, GeoPoint Destination, PlannedRoute Route, RouteGeometry Geometry,
    Func<PlannedRoute, RouteGeometry>? Geometries = null)
{
    public RouteGeometry GeometryOf(PlannedRoute route) => Geometries?.Invoke(route) ?? new RouteGeometry(route.Path);
}

public enum HoldOutcome
{
    /// <summary>Not for this shipment (another port, chokepoint behind it, finished).</summary>
    Ignored,
    /// <summary>A zone it is not inside: kept, so that entering it later raises the alert.</summary>
    Watching,
    /// <summary>Re-routed, delayed, held, stranded or inside the zone.</summary>
    Affected,
}

/// <param name="RouteChanged">The route was re-planned: the grain rebuilds its geometry and registrations.</param>
public sealed record DisruptionOutcome(HoldOutcome Hold, ShipmentImpact? Impact, bool RouteChanged, List<AlertChange> Alerts)
{
    public static DisruptionOutcome Ignored { get; } = new(HoldOutcome.Ignored, null, false, []);
}

/// <summary>
/// The rules of a shipment under disruptions, as plain code on its state:
/// <list type="bullet">
/// <item>a closed chokepoint still ahead on the route: re-plan avoiding every closed chokepoint it holds. A shipment
/// not yet under way, or still on the part both routes share, takes the new route from its origin (the lane's cached
/// plan); one past the fork keeps its route up to its next waypoint and is planned onward from there. With no way
/// round it is stranded: it keeps its route and waits for the expected end.</item>
/// <item>a closed or congested port (or a customs hold) it is bound for: held until the expected end, or the delay added.</item>
/// <item>a hazard or security zone: an alert while its position is inside, opened and cleared as it moves.</item>
/// <item>resolving lifts what the disruption did: the route is planned again without that chokepoint (a shipment
/// not yet under way, or still on the shared part, gets its booked route back exactly), delays and alerts go.</item>
/// </list>
/// </summary>
public static class ShipmentDisruptions
{
    /// <summary>A position this close to the new route from the origin is on it (the shared part of the two routes).</summary>
    public const double OnRouteKm = 30;

    /// <summary>
    /// Canals take a ship only with a booked transit slot and up to their size limit (Neopanamax for Panama, which the
    /// 18,000–24,000 TEU ships of the Asia–Europe loops exceed). A ship re-routed round a closure is therefore not
    /// assumed to fit a canal its booked route did not use: without this rule Shanghai→Rotterdam with Suez closed would
    /// "go" via Panama (25,254 km on marnet) instead of round the Cape (25,809 km), as carriers actually did in 2024.
    /// Straits are open water and stay allowed. Only when no route exists that way are such canals allowed after all.
    /// </summary>
    public static readonly IReadOnlyList<string> Canals = [Chokepoints.Suez, Chokepoints.Panama, Chokepoints.Kiel, Chokepoints.Corinth];

    public static DisruptionOutcome Apply(ShipmentState s, DisruptionEffect effect, ShipmentRouting? routing, DateTimeOffset now)
    {
        var held = s.Disruptions.Find(d => d.Effect.DisruptionId == effect.DisruptionId);
        if (held != null)
            return new DisruptionOutcome(held.Outcome == ShipmentEffects.Watching ? HoldOutcome.Watching : HoldOutcome.Affected, held.Impact, false, []);
        if (s.IsFinished || s.Definition == null) return DisruptionOutcome.Ignored;
        return effect.Type switch
        {
            DisruptionType.ChokepointClosure => Close(s, effect, routing, now),
            DisruptionType.PortClosure or DisruptionType.PortCongestion or DisruptionType.CustomsHold => DelayAtPort(s, effect, now),
            DisruptionType.NaturalHazard or DisruptionType.SecurityZone => Watch(s, effect, routing, now),
            _ => DisruptionOutcome.Ignored,
        };
    }

    /// <summary>The disruption is over: its effect on this shipment is undone. Ignored when the shipment does not hold it.</summary>
    public static DisruptionOutcome Remove(ShipmentState s, string disruptionId, ShipmentRouting? routing, DateTimeOffset now)
    {
        int index = s.Disruptions.FindIndex(d => d.Effect.DisruptionId == disruptionId);
        if (index < 0) return DisruptionOutcome.Ignored;
        var removed = s.Disruptions[index];
        s.Disruptions.RemoveAt(index);
        bool routeChanged = false;
        if (removed.Outcome == ShipmentEffects.Rerouted && routing != null && !s.IsFinished)
        {
            // Planned again without this chokepoint; if no route exists (another closure now blocks the way back) it keeps its course.
            var plan = Replan(s, routing, ClosedChokepoints(s));
            if (plan != null) { Adopt(s, plan); routeChanged = true; }
        }
        var alerts = new List<AlertChange>();
        if (removed.Effect.Zone != null) EvaluateZoneAlerts(s, PositionOf(s, routing), now, alerts);
        return new DisruptionOutcome(HoldOutcome.Ignored, removed.Impact, routeChanged, alerts);
    }

    /// <summary>
    /// After a reading: opens or clears the zone alerts and says which zones the shipment has just entered or left
    /// (the grain tells those disruptions). Cheap when it holds no zone.
    /// </summary>
    public static (List<(string DisruptionId, ShipmentImpact Impact)> Entered, List<string> Left) EvaluateZones(
        ShipmentState s, GeoPoint position, DateTimeOffset now, List<AlertChange> changes)
    {
        List<(string, ShipmentImpact)> entered = [];
        List<string> left = [];
        if (s.Disruptions.Count == 0) return (entered, left);
        for (int i = 0; i < s.Disruptions.Count; i++)
        {
            var d = s.Disruptions[i];
            if (d.Effect.Zone is not { } zone) continue;
            bool inside = !s.IsFinished && zone.Contains(position);
            bool was = d.Outcome == ShipmentEffects.InZone;
            if (inside == was) continue;
            if (inside)
            {
                var eta = ShipmentTracker.Eta(s, now);
                var impact = ImpactOf(s, d.Effect, ShipmentEffects.InZone, s.RouteDistanceKm, eta, eta, now);
                s.Disruptions[i] = d with { Outcome = ShipmentEffects.InZone, Impact = impact };
                entered.Add((d.Effect.DisruptionId, impact));
            }
            else
            {
                s.Disruptions[i] = d with { Outcome = ShipmentEffects.Watching, Impact = null };
                left.Add(d.Effect.DisruptionId);
            }
        }
        if (entered.Count > 0 || left.Count > 0) EvaluateZoneAlerts(s, position, now, changes);
        return (entered, left);
    }

    /// <summary>Drops zones the shipment only watches whose area does not reach the cell it moved into.</summary>
    public static void ForgetDistantZones(ShipmentState s, string cellKey) =>
        s.Disruptions.RemoveAll(d => d.Outcome == ShipmentEffects.Watching && d.Effect.Zone is { } zone
                                     && !GeoCells.Covering(zone.Bounds()).Contains(cellKey));

    /// <summary>The ETA with what the disruptions add: congestion and customs delays, a closed port's reopening, a stranded ship's wait.</summary>
    public static DateTimeOffset AdjustEta(ShipmentState s, DateTimeOffset eta, DateTimeOffset now)
    {
        if (s.Disruptions.Count == 0) return eta;
        var waits = TimeSpan.Zero;
        DateTimeOffset? notBefore = null;
        foreach (var d in s.Disruptions)
        {
            switch (d.Outcome)
            {
                case ShipmentEffects.Delayed:
                    eta += TimeSpan.FromDays(d.Effect.DelayDays);
                    break;
                case ShipmentEffects.Held when d.Effect.ExpectedEnd is { } reopens:
                    if (notBefore == null || reopens > notBefore) notBefore = reopens;
                    break;
                case ShipmentEffects.Stranded when d.Effect.ExpectedEnd is { } reopens && reopens > now:
                    if (reopens - now > waits) waits = reopens - now; // one wait: the closures end together or the longest rules
                    break;
            }
        }
        eta += waits;
        return notBefore is { } nb && nb > eta ? nb : eta;
    }

    /// <summary>True while a disruption re-routes or delays the shipment (the map's "disrupted" marker flag).</summary>
    public static bool IsDisrupted(ShipmentState s) => !s.IsFinished && s.Disruptions.Exists(d =>
        d.Outcome is ShipmentEffects.Rerouted or ShipmentEffects.Delayed or ShipmentEffects.Held or ShipmentEffects.Stranded);

    public static bool IsRerouted(ShipmentState s) => s.Disruptions.Exists(d => d.Outcome == ShipmentEffects.Rerouted);

    private static DisruptionOutcome Close(ShipmentState s, DisruptionEffect effect, ShipmentRouting? routing, DateTimeOffset now)
    {
        if (routing == null || effect.Chokepoint is not { } chokepoint) return DisruptionOutcome.Ignored;
        if (!ShipmentRoutes.PassesAhead(routing.Route, routing.Geometry, s.AlongKm).Contains(chokepoint, StringComparer.Ordinal))
            return DisruptionOutcome.Ignored;
        var etaBefore = ShipmentTracker.Eta(s, now);
        double kmBefore = s.RouteDistanceKm;
        var plan = Replan(s, routing, [.. ClosedChokepoints(s), chokepoint]);
        string outcome = plan == null ? ShipmentEffects.Stranded : ShipmentEffects.Rerouted;
        if (plan != null) Adopt(s, plan);
        var applied = new AppliedDisruption(effect, outcome, now, null);
        s.Disruptions.Add(applied);
        var impact = ImpactOf(s, effect, outcome, kmBefore, etaBefore, ShipmentTracker.Eta(s, now), now);
        s.Disruptions[^1] = applied with { Impact = impact };
        return new DisruptionOutcome(HoldOutcome.Affected, impact, plan != null, []);
    }

    private static DisruptionOutcome DelayAtPort(ShipmentState s, DisruptionEffect effect, DateTimeOffset now)
    {
        if (!string.Equals(s.Definition!.Destination, effect.Locode, StringComparison.Ordinal)) return DisruptionOutcome.Ignored;
        var etaBefore = ShipmentTracker.Eta(s, now);
        string outcome = effect.Type == DisruptionType.PortClosure ? ShipmentEffects.Held : ShipmentEffects.Delayed;
        // A shipment that arrives after the port reopens is not held up by the closure.
        if (outcome == ShipmentEffects.Held && (effect.ExpectedEnd is not { } reopens || reopens <= etaBefore)) return DisruptionOutcome.Ignored;
        if (outcome == ShipmentEffects.Delayed && effect.DelayDays <= 0) return DisruptionOutcome.Ignored;
        var applied = new AppliedDisruption(effect, outcome, now, null);
        s.Disruptions.Add(applied);
        var impact = ImpactOf(s, effect, outcome, s.RouteDistanceKm, etaBefore, ShipmentTracker.Eta(s, now), now);
        s.Disruptions[^1] = applied with { Impact = impact };
        return new DisruptionOutcome(HoldOutcome.Affected, impact, false, []);
    }

    private static DisruptionOutcome Watch(ShipmentState s, DisruptionEffect effect, ShipmentRouting? routing, DateTimeOffset now)
    {
        if (effect.Zone is not { } zone) return DisruptionOutcome.Ignored;
        var position = PositionOf(s, routing);
        bool inside = position is { } p && zone.Contains(p);
        var eta = ShipmentTracker.Eta(s, now);
        var impact = inside ? ImpactOf(s, effect, ShipmentEffects.InZone, s.RouteDistanceKm, eta, eta, now) : null;
        s.Disruptions.Add(new AppliedDisruption(effect, inside ? ShipmentEffects.InZone : ShipmentEffects.Watching, now, impact));
        var alerts = new List<AlertChange>();
        if (inside) EvaluateZoneAlerts(s, position, now, alerts);
        return new DisruptionOutcome(inside ? HoldOutcome.Affected : HoldOutcome.Watching, impact, false, alerts);
    }

    /// <summary>One hazard and one security alert at most: open while any zone of that kind holds the shipment.</summary>
    private static void EvaluateZoneAlerts(ShipmentState s, GeoPoint? position, DateTimeOffset now, List<AlertChange> changes)
    {
        foreach (var (type, kind, words) in new[] { (DisruptionType.NaturalHazard, AlertKind.Hazard, "hazard zone"), (DisruptionType.SecurityZone, AlertKind.Security, "security risk zone") })
        {
            var inside = s.Disruptions.Find(d => d.Effect.Type == type && d.Outcome == ShipmentEffects.InZone);
            if (inside != null && position != null && !s.IsFinished) ShipmentTracker.Open(s, kind, now, $"In {words}: {inside.Effect.Title}", changes);
            else ShipmentTracker.Clear(s, kind, now, changes);
        }
    }

    /// <summary>Chokepoints the shipment currently sails round (those it is stranded behind are not avoided: it waits for them).</summary>
    private static string[] ClosedChokepoints(ShipmentState s) => s.Disruptions
        .Where(d => d.Outcome == ShipmentEffects.Rerouted && d.Effect.Chokepoint != null)
        .Select(d => d.Effect.Chokepoint!).Distinct().Order(StringComparer.Ordinal).ToArray();

    private sealed record Plan(PlannedRoute Route, string[] BaseAvoid, List<RouteSplice> Splices, double AlongKm, int Segment);

    /// <summary>
    /// The route round the <paramref name="closed"/> chokepoints (keeping to the canals of the booked route, see
    /// <see cref="Canals"/>); with none closed, the booked route itself. Null when there is no way round.
    /// </summary>
    private static Plan? Replan(ShipmentState s, ShipmentRouting r, string[] closed)
    {
        string mode = s.Definition!.Mode.ToApi();
        if (closed.Length == 0) return Replan(s, r, mode, []);
        var booked = r.Planner.Plan(mode, r.Origin, r.Destination);
        var keepToBookedCanals = closed.Union(Canals.Where(c => booked == null || !booked.Passes.Contains(c)))
            .Distinct().Order(StringComparer.Ordinal).ToArray();
        return Replan(s, r, mode, keepToBookedCanals) ?? (keepToBookedCanals.Length > closed.Length ? Replan(s, r, mode, closed) : null);
    }

    private static Plan? Replan(ShipmentState s, ShipmentRouting r, string mode, string[] avoid)
    {
        var candidate = r.Planner.Plan(mode, r.Origin, r.Destination, avoid);
        if (candidate == null) return null;
        if (s.Last is not { } last) return new Plan(candidate, avoid, [], 0, 0);
        var projection = r.GeometryOf(candidate).Project(new GeoPoint(last.Lat, last.Lon));
        if (projection.CrossTrackKm <= OnRouteKm)
            return new Plan(candidate, avoid, [], Math.Min(projection.AlongKm, candidate.DistanceKm), projection.Segment);

        // Past the fork: keep the route up to the next waypoint and plan onward from there. Waypoints are network nodes
        // shared by every ship on the lane, so the onward plans are shared (and cached) too.
        int vertex = Math.Max(1, r.Geometry.VertexAtOrAfter(s.AlongKm));
        if (vertex >= r.Route.Path.Count - 1) return null;
        var leg = r.Planner.Plan(mode, r.Route.Path[vertex], r.Destination, avoid);
        if (leg == null) return null;
        var spliced = ShipmentRoutes.Splice(r.Route, r.Geometry, vertex, leg);
        return new Plan(spliced, s.Avoid, [.. s.Splices, new RouteSplice(vertex, r.Route.Path[vertex], avoid)], s.AlongKm, s.Segment);
    }

    private static void Adopt(ShipmentState s, Plan plan)
    {
        if (s.PlannedDistanceKm <= 0) s.PlannedDistanceKm = s.RouteDistanceKm;
        s.Avoid = plan.BaseAvoid;
        s.Splices = plan.Splices;
        s.RouteDistanceKm = plan.Route.DistanceKm;
        s.Passes = plan.Route.Passes.ToArray();
        s.AlongKm = plan.AlongKm;
        s.Segment = plan.Segment;
    }

    /// <summary>Where the shipment is: its last reported position, or its origin before it reports.</summary>
    public static GeoPoint? PositionOf(ShipmentState s, ShipmentRouting? routing) =>
        s.Last is { } last ? new GeoPoint(last.Lat, last.Lon) : routing?.Origin;

    private static ShipmentImpact ImpactOf(ShipmentState s, DisruptionEffect effect, string outcome, double kmBefore,
        DateTimeOffset etaBefore, DateTimeOffset etaAfter, DateTimeOffset now)
    {
        var def = s.Definition!;
        return new ShipmentImpact(def.Id, def.Reference, def.Mode.ToApi(), def.Origin, def.Destination, outcome,
            Math.Round(kmBefore, 1), Math.Round(s.RouteDistanceKm, 1), etaBefore, etaAfter,
            Math.Round((etaAfter - etaBefore).TotalDays, 2),
            def.Cargo.Where(c => c.FactoryId != null).Select(c => c.FactoryId!).Distinct().Order(StringComparer.Ordinal).ToArray(), now);
    }
}
