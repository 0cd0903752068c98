using System.Diagnostics;
using System.Runtime.CompilerServices;
using Visibility.Benchmarks.Load;
using Visibility.Domain.Disruptions;
using Visibility.Domain.Geo;
using Visibility.Domain.Locations;
using Visibility.Domain.Routing;
using Visibility.Domain.Shipments;
using Visibility.Domain.Telemetry;
using Visibility.Integration.Tests.Hosting;

namespace Visibility.Benchmarks.Disruption;

/// <param name="ColdMs">The loop with a planner that has not planned round the closure yet (as the host had not).</param>
/// <param name="WarmMs">The same again with every plan already cached: the rest of the arithmetic.</param>
public sealed record PlainLoopRerouteFigures(double ColdMs, double WarmMs, int Shipments, int Rerouted, int Stranded, double MeanAddedKm, double LoadNetworkMs);

/// <summary>
/// The re-routing of the closure without the platform: the same shipments (same lanes, same reported positions) as
/// <see cref="ShipmentState"/> objects in this process, each through <see cref="ShipmentDisruptions.Apply"/> in a
/// for-loop with the sea network loaded here. What the host does on top (index grain, one call per shipment, the push
/// notifier, the hub's flush, SignalR) is the difference to the propagation time.
/// </summary>
public static class PlainLoopReroute
{
    public static PlainLoopRerouteFigures Measure(ClosureFleet fleet, DisruptionEffect closure, DateTimeOffset now)
    {
        long started = Stopwatch.GetTimestamp();
        var network = SeaNetwork.LoadDefault(TestPaths.SharedData, null) ?? throw new InvalidOperationException($"no sea network under {TestPaths.SharedData}");
        double loadMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var planner = new RoutePlanner(new SeaRouter(network));
        var catalog = LocationCatalog.CreateSeeded();
        var geometries = new ConditionalWeakTable<PlannedRoute, RouteGeometry>();
        RouteGeometry GeometryOf(PlannedRoute r) => geometries.GetValue(r, x => new RouteGeometry(x.Path));

        var (states, routings) = Prepare(fleet, planner, catalog, GeometryOf, now);
        started = Stopwatch.GetTimestamp();
        var (rerouted, stranded, addedKm) = Loop(states, routings, closure, now);
        double coldMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        (states, routings) = Prepare(fleet, planner, catalog, GeometryOf, now);
        started = Stopwatch.GetTimestamp();
        Loop(states, routings, closure, now);
        double warmMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return new PlainLoopRerouteFigures(coldMs, warmMs, states.Length, rerouted, stranded, rerouted == 0 ? 0 : addedKm / rerouted, loadMs);
    }

    /// <summary>Each shipment booked and at its reported position, as its grain holds it before the closure (not timed).</summary>
    private static (ShipmentState[] States, ShipmentRouting[] Routings) Prepare(ClosureFleet fleet, RoutePlanner planner, LocationCatalog catalog,
        Func<PlannedRoute, RouteGeometry> geometryOf, DateTimeOffset now)
    {
        var states = new ShipmentState[fleet.Count];
        var routings = new ShipmentRouting[fleet.Count];
        for (int i = 0; i < fleet.Count; i++)
        {
            var lane = ClosureFleet.Lanes[fleet.LaneOf(i)];
            var origin = catalog.Find(lane.Origin)!.Point;
            var destination = catalog.Find(lane.Destination)!.Point;
            var route = planner.Plan("ocean", origin, destination)!;
            var geometry = geometryOf(route);
            var s = new ShipmentState
            {
                Definition = new ShipmentDefinition(fleet.Id(i), "PO", TransportMode.Ocean, lane.Origin, lane.Destination, now.AddDays(-10), null, [], null),
                RouteDistanceKm = route.DistanceKm,
                PlannedDistanceKm = route.DistanceKm,
                Passes = route.Passes.ToArray(),
                Status = ShipmentStatus.Planned,
            };
            var p = fleet.PositionOf(i);
            ShipmentTracker.Apply(s, new TelemetryReading($"{i}", now.AddMinutes(-1), p.Lat4 / 1e4, p.Lon4 / 1e4, 17, p.HeadingDeg, null),
                new ShipmentContext(geometry, origin, destination, AlertThresholds.Default), []);
            states[i] = s;
            routings[i] = new ShipmentRouting(planner, origin, destination, route, geometry, geometryOf);
        }
        return (states, routings);
    }

    private static (int Rerouted, int Stranded, double AddedKm) Loop(ShipmentState[] states, ShipmentRouting[] routings, DisruptionEffect closure, DateTimeOffset now)
    {
        int rerouted = 0, stranded = 0;
        double addedKm = 0;
        for (int i = 0; i < states.Length; i++)
        {
            var impact = ShipmentDisruptions.Apply(states[i], closure, routings[i], now).Impact;
            if (impact?.Effect == ShipmentEffects.Rerouted) { rerouted++; addedKm += impact.DistanceKmAfter - impact.DistanceKmBefore; }
            else if (impact?.Effect == ShipmentEffects.Stranded) stranded++;
        }
        return (rerouted, stranded, addedKm);
    }
}
