using Visibility.Domain.Disruptions;
using Visibility.Domain.Geo;
using Visibility.Domain.Routing;
using Visibility.Domain.Shipments;
using Visibility.Domain.Telemetry;
using Visibility.Domain.Tests.Routing;

namespace Visibility.Domain.Tests.Disruptions;

/// <summary>A shipment under closures, port delays and zones, on the real sea network (marnet 50 km).</summary>
public class ShipmentDisruptionsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly RoutePlanner Planner = new(SeaNetworks.Router);

    private static DisruptionEffect Closure(string chokepoint, string id = "D-SUEZ", DateTimeOffset? end = null) =>
        new(id, DisruptionType.ChokepointClosure, chokepoint + " closed", chokepoint, null, null, 0, end ?? T0.AddDays(60));

    private sealed class Voyage
    {
        public required ShipmentState State { get; init; }
        public required GeoPoint Origin { get; init; }
        public required GeoPoint Destination { get; init; }

        /// <summary>The route as the grain rebuilds it from the state after every change.</summary>
        public ShipmentRouting Routing()
        {
            var route = ShipmentRoutes.Build(Planner, "ocean", Origin, Destination, State.Avoid, State.Splices)!;
            return new ShipmentRouting(Planner, Origin, Destination, route, new RouteGeometry(route.Path));
        }

        public DisruptionOutcome Apply(DisruptionEffect effect, DateTimeOffset? now = null) => ShipmentDisruptions.Apply(State, effect, Routing(), now ?? T0);

        public DisruptionOutcome Remove(string id, DateTimeOffset? now = null) => ShipmentDisruptions.Remove(State, id, Routing(), now ?? T0);

        /// <summary>A position report at <paramref name="fraction"/> of the current route, applied as telemetry would be.</summary>
        public void SailTo(double fraction, DateTimeOffset at)
        {
            var r = Routing();
            var p = r.Geometry.PointAt(fraction * r.Geometry.TotalKm);
            var ctx = new ShipmentContext(r.Geometry, Origin, Destination, AlertThresholds.Default);
            ShipmentTracker.Apply(State, new TelemetryReading("m" + at.Ticks, at, p.Lat, p.Lon, 17, null, null), ctx, []);
        }

        public DateTimeOffset Eta(DateTimeOffset now) => ShipmentTracker.Eta(State, now);
    }

    private static Voyage Book(GeoPoint origin, GeoPoint destination, string from = "CNSHA", string to = "NLRTM")
    {
        var route = Planner.Plan("ocean", origin, destination)!;
        return new Voyage
        {
            Origin = origin,
            Destination = destination,
            State = new ShipmentState
            {
                Definition = new ShipmentDefinition("S1", "PO-1", TransportMode.Ocean, from, to, T0, null, [new CargoLine("P-1", 100, "F-1")], null),
                RouteDistanceKm = route.DistanceKm,
                PlannedDistanceKm = route.DistanceKm,
                Passes = route.Passes.ToArray(),
                Status = ShipmentStatus.Planned,
            },
        };
    }

    [Fact]
    public void Closing_suez_sends_a_shanghai_rotterdam_booking_round_africa_and_resolving_restores_it()
    {
        var v = Book(Ports.Shanghai, Ports.Rotterdam);
        double booked = v.State.RouteDistanceKm;
        var bookedEta = v.Eta(T0);
        Assert.Contains("suez", v.State.Passes);

        var outcome = v.Apply(Closure("suez"));
        Assert.Equal(HoldOutcome.Affected, outcome.Hold);
        Assert.True(outcome.RouteChanged);
        var impact = outcome.Impact!;
        Assert.Equal(ShipmentEffects.Rerouted, impact.Effect);
        // Round the Cape of Good Hope: about 6,000–7,000 km more (≈ 26,000 km against ≈ 19,600 via Suez).
        Assert.InRange(v.State.RouteDistanceKm - booked, 5_500, 7_500);
        Assert.DoesNotContain("suez", v.State.Passes);
        Assert.DoesNotContain("babelmandeb", v.State.Passes);
        Assert.Equal(booked, v.State.PlannedDistance);
        // Not yet sailing: the ETA moves by the extra distance at the typical ocean speed.
        double extraHours = (v.State.RouteDistanceKm - booked) / TransportMode.Ocean.TypicalSpeedKmh();
        Assert.Equal(extraHours, (v.Eta(T0) - bookedEta).TotalHours, 3);
        Assert.Equal(Math.Round(extraHours / 24, 2), impact.AddedDays);
        Assert.Equal(["F-1"], impact.FactoryIds);
        Assert.True(ShipmentDisruptions.IsDisrupted(v.State));
        Assert.True(ShipmentViews.IsRerouted(v.State));

        v.Remove("D-SUEZ");
        Assert.Equal(booked, v.State.RouteDistanceKm);
        Assert.Contains("suez", v.State.Passes);
        Assert.Equal(bookedEta, v.Eta(T0));
        Assert.Empty(v.State.Disruptions);
        Assert.False(ShipmentViews.IsRerouted(v.State));
    }

    [Fact]
    public void A_reroute_keeps_to_the_canals_of_the_booked_route_unless_there_is_no_other_way()
    {
        // Panama would be ~550 km shorter than the Cape for Shanghai→Rotterdam, but an Asia–Europe ship is not booked through it.
        var europe = Book(Ports.Shanghai, Ports.Rotterdam);
        double viaPanama = Planner.Plan("ocean", Ports.Shanghai, Ports.Rotterdam, ["suez"])!.DistanceKm;
        europe.Apply(Closure("suez"));
        Assert.DoesNotContain("panama", europe.State.Passes);
        Assert.True(europe.State.RouteDistanceKm > viaPanama);

        // Shanghai→New York is booked through Panama: closing Panama sends it round (via Suez or the Cape), and a
        // route it was booked through stays allowed when another closure comes.
        var eastCoast = Book(Ports.Shanghai, Ports.NewYork, to: "USNYC");
        Assert.Contains("panama", eastCoast.State.Passes);
        Assert.Equal(ShipmentEffects.Rerouted, eastCoast.Apply(Closure("panama", "D-PAN")).Impact!.Effect);
        Assert.DoesNotContain("panama", eastCoast.State.Passes);
    }

    [Fact]
    public void A_transpacific_shipment_and_one_already_past_the_canal_are_not_touched()
    {
        var pacific = Book(Ports.Shanghai, Ports.LosAngeles, to: "USLAX");
        Assert.Equal(DisruptionOutcome.Ignored.Hold, pacific.Apply(Closure("suez")).Hold);
        Assert.Empty(pacific.State.Disruptions);

        var inTheMed = Book(Ports.Shanghai, Ports.Rotterdam);
        inTheMed.SailTo(0.85, T0.AddDays(20)); // through Suez, in the Mediterranean
        double km = inTheMed.State.RouteDistanceKm;
        Assert.Equal(HoldOutcome.Ignored, inTheMed.Apply(Closure("suez"), T0.AddDays(20)).Hold);
        Assert.Equal(km, inTheMed.State.RouteDistanceKm);
    }

    [Fact]
    public void A_ship_still_on_the_shared_part_takes_the_new_route_from_its_origin_and_keeps_its_progress()
    {
        var v = Book(Ports.Shanghai, Ports.Rotterdam);
        // Half way along the stretch the Suez and the Cape routes share out of Shanghai.
        var suezPath = v.Routing().Route.Path;
        var capePath = Planner.Plan("ocean", Ports.Shanghai, Ports.Rotterdam, ["suez", "panama"])!.Path;
        int shared = suezPath.Zip(capePath).TakeWhile(p => p.First == p.Second).Count();
        Assert.True(shared > 3);
        v.SailTo(v.Routing().Geometry.AlongKmOfVertex(shared / 2) / v.Routing().Geometry.TotalKm, T0.AddDays(1));
        double along = v.State.AlongKm;
        var outcome = v.Apply(Closure("suez"), T0.AddDays(1));
        Assert.True(outcome.RouteChanged);
        Assert.Empty(v.State.Splices);
        Assert.Contains("suez", v.State.Avoid);
        Assert.Equal(along, v.State.AlongKm, 0); // within a kilometre: same water, same distance from Shanghai
        Assert.Equal(v.State.RouteDistanceKm, Planner.Plan("ocean", Ports.Shanghai, Ports.Rotterdam, v.State.Avoid)!.DistanceKm);
    }

    [Fact]
    public void A_ship_past_the_fork_keeps_its_course_to_the_next_waypoint_and_is_planned_onward_from_there()
    {
        var v = Book(Ports.Shanghai, Ports.Rotterdam);
        var before = v.Routing();
        double suezKm = ShipmentRoutes.AlongKmOf(before.Geometry, "suez"), mandebKm = ShipmentRoutes.AlongKmOf(before.Geometry, "babelmandeb");
        // In the Arabian Sea, a day short of Bab-el-Mandeb: past where the Cape route leaves the Suez route.
        v.SailTo((mandebKm - 800) / before.Geometry.TotalKm, T0.AddDays(12));
        double along = v.State.AlongKm;
        var outcome = v.Apply(Closure("suez"), T0.AddDays(12));

        Assert.Equal(ShipmentEffects.Rerouted, outcome.Impact!.Effect);
        var splice = Assert.Single(v.State.Splices);
        var after = v.Routing();
        for (int i = 0; i <= splice.AtVertex; i++) Assert.Equal(before.Route.Path[i], after.Route.Path[i]); // the way sailed is kept
        Assert.Equal(along, v.State.AlongKm);
        Assert.True(after.Geometry.Project(new GeoPoint(v.State.Last!.Lat, v.State.Last.Lon)).CrossTrackKm < 1); // still on its route
        Assert.DoesNotContain("suez", ShipmentRoutes.PassesAhead(after.Route, after.Geometry, along));
        Assert.True(v.State.RouteDistanceKm > before.Route.DistanceKm + 3_000);
        Assert.True(suezKm > mandebKm);

        // Reopened: planned again from where it is (it has not left the original lane, so it is back on it).
        v.Remove("D-SUEZ", T0.AddDays(12));
        Assert.Contains("suez", ShipmentRoutes.PassesAhead(v.Routing().Route, v.Routing().Geometry, v.State.AlongKm));
    }

    [Fact]
    public void A_ship_in_the_red_sea_with_both_ends_closed_is_stranded_and_waits_for_the_reopening()
    {
        var v = Book(Ports.Shanghai, Ports.Rotterdam);
        var r = v.Routing();
        double suezKm = ShipmentRoutes.AlongKmOf(r.Geometry, "suez"), mandebKm = ShipmentRoutes.AlongKmOf(r.Geometry, "babelmandeb");
        var now = T0.AddDays(14);
        v.SailTo((mandebKm + suezKm) / 2 / r.Geometry.TotalKm, now);

        // Suez closed: back out through Bab-el-Mandeb and round Africa.
        Assert.Equal(ShipmentEffects.Rerouted, v.Apply(Closure("suez"), now).Impact!.Effect);
        Assert.Contains("babelmandeb", ShipmentRoutes.PassesAhead(v.Routing().Route, v.Routing().Geometry, v.State.AlongKm));
        var etaRerouted = v.Eta(now);

        // Bab-el-Mandeb closed too: no way out. It keeps its route and waits until the later expected end.
        var reopens = now.AddDays(30);
        var stranded = v.Apply(Closure("babelmandeb", "D-MANDEB", reopens), now);
        Assert.Equal(ShipmentEffects.Stranded, stranded.Impact!.Effect);
        Assert.False(stranded.RouteChanged);
        Assert.Equal(30, (v.Eta(now) - etaRerouted).TotalDays, 3);
    }

    [Fact]
    public void Port_congestion_adds_its_delay_and_a_closure_holds_until_the_reopening_only_for_shipments_bound_there()
    {
        var v = Book(Ports.Shanghai, Ports.Rotterdam);
        var eta = v.Eta(T0);
        var congestion = new DisruptionEffect("D-RTM", DisruptionType.PortCongestion, "Rotterdam congested", null, "NLRTM", null, 3, T0.AddDays(10));
        var outcome = v.Apply(congestion);
        Assert.Equal((ShipmentEffects.Delayed, 3.0), (outcome.Impact!.Effect, outcome.Impact.AddedDays));
        Assert.Equal(eta.AddDays(3), v.Eta(T0));
        Assert.Equal(HoldOutcome.Ignored, v.Apply(congestion with { DisruptionId = "D-HAM", Locode = "DEHAM" }).Hold);

        var closed = new DisruptionEffect("D-CLOSED", DisruptionType.PortClosure, "Rotterdam closed", null, "NLRTM", null, 0, eta.AddDays(20));
        Assert.Equal(ShipmentEffects.Held, v.Apply(closed).Impact!.Effect);
        Assert.Equal(eta.AddDays(20), v.Eta(T0)); // the later of ETA + 3 d and the reopening
        // A closure that ends before the shipment arrives does not hold it.
        Assert.Equal(HoldOutcome.Ignored, v.Apply(closed with { DisruptionId = "D-SHORT", ExpectedEnd = T0.AddDays(1) }).Hold);

        v.Remove("D-CLOSED");
        v.Remove("D-RTM");
        Assert.Equal(eta, v.Eta(T0));
        Assert.False(ShipmentDisruptions.IsDisrupted(v.State));
    }

    [Fact]
    public void A_zone_raises_the_alert_while_the_shipment_is_inside_and_clears_it_when_it_leaves()
    {
        var v = Book(Ports.Shanghai, Ports.Rotterdam);
        v.SailTo(0.30, T0.AddDays(8));
        var here = new GeoPoint(v.State.Last!.Lat, v.State.Last.Lon);
        var zone = new DisruptionEffect("Z-1", DisruptionType.SecurityZone, "Piracy risk", null, null, ZoneGeometry.Circle(here, 150), 0, null);
        var outcome = v.Apply(zone, T0.AddDays(8));
        Assert.Equal((HoldOutcome.Affected, ShipmentEffects.InZone), (outcome.Hold, outcome.Impact!.Effect));
        Assert.Contains(outcome.Alerts, a => a is { Kind: AlertKind.Security, Opened: true });
        Assert.Equal(AlertKind.Security, v.State.Flags);
        Assert.False(ShipmentDisruptions.IsDisrupted(v.State)); // an alert, not a delay

        // Asked again (a restart, a second index): the same answer, nothing new.
        var again = v.Apply(zone, T0.AddDays(8));
        Assert.Equal((HoldOutcome.Affected, outcome.Impact), (again.Hold, again.Impact));
        Assert.Empty(again.Alerts);

        var changes = new List<AlertChange>();
        var (entered, left) = ShipmentDisruptions.EvaluateZones(v.State, new GeoPoint(here.Lat + 3, here.Lon), T0.AddDays(9), changes);
        Assert.Empty(entered);
        Assert.Equal(["Z-1"], left);
        Assert.Contains(changes, a => a is { Kind: AlertKind.Security, Opened: false });
        Assert.Equal(AlertKind.None, v.State.Flags);

        (entered, _) = ShipmentDisruptions.EvaluateZones(v.State, here, T0.AddDays(10), changes);
        Assert.Equal("Z-1", Assert.Single(entered).DisruptionId);
        v.Remove("Z-1", T0.AddDays(10));
        Assert.Equal(AlertKind.None, v.State.Flags);
    }

    [Fact]
    public void A_zone_the_shipment_is_not_in_is_watched_and_forgotten_when_the_shipment_moves_away()
    {
        var v = Book(Ports.Shanghai, Ports.Rotterdam);
        var zone = new DisruptionEffect("Z-2", DisruptionType.NaturalHazard, "Storm", null, null, ZoneGeometry.Circle(new GeoPoint(10, 115), 200), 0, T0.AddDays(3));
        Assert.Equal(HoldOutcome.Watching, v.Apply(zone).Hold);
        Assert.Equal(ShipmentEffects.Watching, Assert.Single(v.State.Disruptions).Outcome);
        ShipmentDisruptions.ForgetDistantZones(v.State, GeoCells.KeyOf(new GeoPoint(50, 0)));
        Assert.Empty(v.State.Disruptions);
    }
}
