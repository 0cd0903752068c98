using Visibility.Domain.Geo;
using Visibility.Domain.Routing;
using Visibility.Domain.Shipments;
using Visibility.Domain.Telemetry;

namespace Visibility.Domain.Tests.Shipments;

/// <summary>The shipment rules on a simple route along the equator: 0°E → 10°E, about 1,112 km.</summary>
public class ShipmentTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly GeoPoint Origin = new(0, 0);
    private static readonly GeoPoint Destination = new(0, 10);
    private static readonly RouteGeometry Route = new([Origin, new GeoPoint(0, 5), Destination]);
    private static readonly ShipmentContext Ctx = new(Route, Origin, Destination, AlertThresholds.Default);

    private static ShipmentState NewShipment(TransportMode mode = TransportMode.Ocean, ReeferRange? reefer = null, DateTimeOffset? plannedArrival = null) => new()
    {
        Definition = new ShipmentDefinition("S1", "PO-1", mode, "AAAAA", "BBBBB", T0, plannedArrival, [], reefer),
        RouteDistanceKm = Route.TotalKm,
        Status = ShipmentStatus.Planned,
    };

    private static TelemetryReading At(string id, double minutes, double lon, double? knots = 16, double? tempC = null, double lat = 0) =>
        new(id, T0.AddMinutes(minutes), lat, lon, knots, null, tempC);

    private static (ApplyOutcome Outcome, List<AlertChange> Changes) Apply(ShipmentState s, TelemetryReading r)
    {
        var changes = new List<AlertChange>();
        return (ShipmentTracker.Apply(s, r, Ctx, changes), changes);
    }

    [Fact]
    public void A_reading_moves_the_shipment_and_sets_progress()
    {
        var s = NewShipment();
        Assert.Equal(ApplyOutcome.Applied, Apply(s, At("a", 60, 2.5)).Outcome);
        Assert.Equal(ShipmentStatus.InTransit, s.Status);
        Assert.Equal(25, ShipmentTracker.ProgressPct(s), 0);
        Assert.Equal(1, s.ReadingCount);
    }

    [Fact]
    public void The_same_message_twice_is_a_duplicate_and_changes_nothing()
    {
        var s = NewShipment();
        Apply(s, At("a", 60, 2.5));
        Assert.Equal(ApplyOutcome.Duplicate, Apply(s, At("a", 60, 2.5)).Outcome);
        Assert.Equal(1, s.ReadingCount);
    }

    [Fact]
    public void A_retry_after_1000_newer_readings_is_still_a_duplicate_and_changes_nothing()
    {
        var s = NewShipment();
        Apply(s, At("first", 0, 0.001));
        for (int i = 1; i <= 1_000; i++) Apply(s, At($"m{i}", i / 60.0, 0.001 + 0.000_01 * i));   // one a second
        long count = s.ReadingCount;
        var last = s.Last;
        Assert.Equal(ApplyOutcome.Duplicate, Apply(s, At("first", 0, 0.001)).Outcome);
        Assert.Equal(ApplyOutcome.Duplicate, Apply(s, At("m500", 500 / 60.0, 0.001 + 0.000_01 * 500)).Outcome);
        Assert.Equal(count, s.ReadingCount);
        Assert.Same(last, s.Last);
    }

    [Fact]
    public void An_older_reading_is_kept_in_history_but_does_not_move_the_shipment()
    {
        var s = NewShipment();
        Apply(s, At("new", 120, 5));
        var (outcome, _) = Apply(s, At("old", 30, 1, tempC: 4));
        Assert.Equal(ApplyOutcome.OutOfOrder, outcome);
        Assert.Equal(5, s.Last!.Lon);
        Assert.Equal(50, ShipmentTracker.ProgressPct(s), 0);
        Assert.Equal(2, s.ReadingCount);
        Assert.Equal(T0.AddMinutes(30), s.Track[0].At); // slotted in by time
    }

    [Fact]
    public void Progress_never_decreases_when_a_later_fix_projects_behind()
    {
        var s = NewShipment();
        Apply(s, At("a", 60, 5));
        Apply(s, At("b", 70, 4.9)); // GPS jitter backwards
        Assert.Equal(50, ShipmentTracker.ProgressPct(s), 0);
    }

    [Fact]
    public void Eta_uses_remaining_distance_over_smoothed_speed()
    {
        var s = NewShipment();
        Apply(s, At("a", 60, 5, knots: 20));
        var now = T0.AddMinutes(60);
        double remainingKm = Route.TotalKm / 2;
        var expected = now + TimeSpan.FromHours(remainingKm / (20 * GeoMath.KmPerNauticalMile));
        Assert.Equal(expected, ShipmentTracker.Eta(s, now), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Eta_falls_back_to_the_typical_speed_when_the_ship_is_creeping_and_slides_with_time()
    {
        var s = NewShipment();
        Apply(s, At("a", 60, 5, knots: 0.5));
        var eta1 = ShipmentTracker.Eta(s, T0.AddHours(1));
        var eta2 = ShipmentTracker.Eta(s, T0.AddHours(5));
        Assert.Equal(T0.AddHours(1) + TimeSpan.FromHours(Route.TotalKm / 2 / TransportMode.Ocean.TypicalSpeedKmh()), eta1, TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromHours(4), eta2 - eta1);
    }

    [Fact]
    public void Before_any_reading_the_eta_is_the_plan()
    {
        var s = NewShipment(plannedArrival: T0.AddDays(3));
        Assert.Equal(T0.AddDays(3), ShipmentTracker.Eta(s, T0.AddDays(1)));
        var noArrival = NewShipment();
        Assert.Equal(T0 + TimeSpan.FromHours(Route.TotalKm / TransportMode.Ocean.TypicalSpeedKmh()), ShipmentTracker.PlannedEta(noArrival));
    }

    [Fact]
    public void Reaching_the_destination_marks_arrival_and_clears_alerts()
    {
        var s = NewShipment(plannedArrival: T0.AddHours(1));
        Apply(s, At("a", 60, 5, knots: 16));
        ShipmentTracker.EvaluateTimeAlerts(s, T0.AddHours(10), Ctx, []); // ETA ~29 h against a plan of 1 h
        Assert.Contains(s.Alerts, a => a.Kind == AlertKind.Late);
        var (_, changes) = Apply(s, At("b", 2000, 9.95));
        Assert.Equal(ShipmentStatus.Arrived, s.Status);
        Assert.Equal(100, ShipmentTracker.ProgressPct(s));
        Assert.Empty(s.Alerts);
        Assert.Contains(changes, c => c.Kind == AlertKind.Late && !c.Opened);
    }

    [Fact]
    public void Cold_chain_opens_only_after_a_sustained_excursion_and_clears_after_sustained_recovery()
    {
        var s = NewShipment(reefer: new ReeferRange(2, 8));
        Apply(s, At("t0", 0, 1, tempC: 9));
        Assert.Empty(Apply(s, At("t1", 10, 1.01, tempC: 10)).Changes); // 10 min out: not yet
        var opened = Apply(s, At("t2", 15, 1.02, tempC: 10)).Changes;
        Assert.Contains(opened, c => c.Kind == AlertKind.ColdChain && c.Opened);
        Assert.Empty(Apply(s, At("t3", 20, 1.03, tempC: 5)).Changes); // back in range, not yet cleared
        Assert.Contains(s.Alerts, a => a.Kind == AlertKind.ColdChain);
        var cleared = Apply(s, At("t4", 30, 1.04, tempC: 5)).Changes;
        Assert.Contains(cleared, c => c.Kind == AlertKind.ColdChain && !c.Opened);
    }

    [Fact]
    public void A_brief_spike_never_opens_a_cold_chain_alert()
    {
        var s = NewShipment(reefer: new ReeferRange(2, 8));
        Apply(s, At("a", 0, 1, tempC: 12));
        Apply(s, At("b", 5, 1.01, tempC: 5));
        Apply(s, At("c", 20, 1.02, tempC: 12));
        Assert.DoesNotContain(s.Alerts, a => a.Kind == AlertKind.ColdChain);
    }

    [Fact]
    public void Off_route_opens_when_far_from_the_route_for_a_while()
    {
        var s = NewShipment();
        Apply(s, At("a", 0, 3, lat: 3)); // ~333 km north of the route
        Assert.DoesNotContain(s.Alerts, a => a.Kind == AlertKind.OffRoute);
        Apply(s, At("b", 25, 3.1, lat: 3));
        Assert.Contains(s.Alerts, a => a.Kind == AlertKind.OffRoute);
        Apply(s, At("c", 30, 3.2));
        Assert.DoesNotContain(s.Alerts, a => a.Kind == AlertKind.OffRoute);
    }

    [Fact]
    public void Stalled_at_sea_after_two_hours_without_speed_but_not_near_a_port()
    {
        var s = NewShipment();
        Apply(s, At("a", 0, 5, knots: 0.2));
        Apply(s, At("b", 119, 5, knots: 0.2));
        Assert.DoesNotContain(s.Alerts, a => a.Kind == AlertKind.Stalled);
        Apply(s, At("c", 121, 5, knots: 0.2));
        Assert.Contains(s.Alerts, a => a.Kind == AlertKind.Stalled);

        var atAnchor = NewShipment();
        Apply(atAnchor, At("a", 0, 0.1, knots: 0));
        Apply(atAnchor, At("b", 300, 0.1, knots: 0));
        Assert.DoesNotContain(atAnchor.Alerts, a => a.Kind == AlertKind.Stalled);
    }

    [Fact]
    public void A_silent_tracker_is_flagged_by_time_and_cleared_by_the_next_reading()
    {
        var s = NewShipment();
        Apply(s, At("a", 0, 3));
        var changes = new List<AlertChange>();
        ShipmentTracker.EvaluateTimeAlerts(s, T0.AddMinutes(29), Ctx, changes);
        Assert.Empty(changes);
        ShipmentTracker.EvaluateTimeAlerts(s, T0.AddMinutes(31), Ctx, changes);
        Assert.Contains(changes, c => c.Kind == AlertKind.Silent && c.Opened);
        Assert.Contains(Apply(s, At("b", 40, 3.1)).Changes, c => c.Kind == AlertKind.Silent && !c.Opened);
    }

    [Fact]
    public void Late_opens_past_the_mode_threshold_with_hysteresis()
    {
        var s = NewShipment(TransportMode.Truck, plannedArrival: T0.AddHours(10));
        Apply(s, At("a", 0, 1, knots: 60 / GeoMath.KmPerNauticalMile));
        // Remaining ~1,000 km at 60 km/h ≈ 16.7 h from T0: ~6.7 h late, above the 6 h truck threshold.
        ShipmentTracker.EvaluateTimeAlerts(s, T0, Ctx, []);
        Assert.Contains(s.Alerts, a => a.Kind == AlertKind.Late);
        Assert.InRange(ShipmentTracker.DelayHours(s, T0), 6, 7.5);
    }

    [Fact]
    public void Track_stays_bounded_and_ordered_on_a_long_voyage()
    {
        var s = NewShipment();
        for (int i = 0; i < 5_000; i++) Apply(s, At($"r{i}", i * 11, 10.0 * i / 5_000));
        Assert.InRange(s.Track.Count, 2, ShipmentState.TrackCapacity);
        Assert.True(s.Track.Zip(s.Track.Skip(1)).All(p => p.First.At < p.Second.At));
        Assert.Equal(T0, s.Track[0].At); // the start of the voyage is still drawn
    }

    [Fact]
    public void Message_hash_is_stable_and_never_zero() =>
        Assert.Equal(ShipmentTracker.MessageHash("abc"), ShipmentTracker.MessageHash("abc"));
}

public class ShipmentStateJsonTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void State_round_trips_through_json_with_the_window_as_base64()
    {
        var state = new ShipmentState();
        for (int i = 0; i < 40; i++) state.Window.Add(ReadingWindow.Fingerprint(ShipmentTracker.MessageHash($"m{i}")), T0.AddMinutes(i));
        var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        var json = System.Text.Json.JsonSerializer.Serialize(state, options);
        Assert.DoesNotContain("\"fingerprints\":[", json);
        var back = System.Text.Json.JsonSerializer.Deserialize<ShipmentState>(json, options)!;
        Assert.Equal(state.Window.Fingerprints, back.Window.Fingerprints);
        Assert.Equal(state.Window.Oldest, back.Window.Oldest);
        Assert.Equal(state.Window.Newest, back.Window.Newest);
        Assert.Equal((state.Window.Next, state.Window.Floor, state.Window.NewestReading), (back.Window.Next, back.Window.Floor, back.Window.NewestReading));
        Assert.Equal(WindowCheck.Duplicate, back.Window.Check(ReadingWindow.Fingerprint(ShipmentTracker.MessageHash("m7")), T0.AddMinutes(7)));
    }

    [Fact]
    public void State_stored_with_the_old_ring_keeps_its_duplicates()
    {
        // As an older host stored it: a ring of 128 hashes (base64 or a plain array), no window.
        var hashes = new long[128];
        for (int i = 0; i < 100; i++) hashes[i] = ShipmentTracker.MessageHash($"old{i}");
        var legacy = new System.Text.Json.Nodes.JsonObject
        {
            ["readingCount"] = 100,
            ["lastReadingAt"] = T0.AddMinutes(99).ToString("O"),
            ["recentMessageHashes"] = new System.Text.Json.Nodes.JsonArray(hashes.Select(h => (System.Text.Json.Nodes.JsonNode?)h).ToArray()),
            ["recentNext"] = 100,
        };
        var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        var state = System.Text.Json.JsonSerializer.Deserialize<ShipmentState>(legacy.ToJsonString(), options)!;
        Assert.Equal(hashes, state.RecentMessageHashes);
        state.Definition = new ShipmentDefinition("S1", "PO-1", TransportMode.Ocean, "AAAAA", "BBBBB", T0, null, [], null);
        var route = new RouteGeometry([new GeoPoint(0, 0), new GeoPoint(0, 10)]);
        state.RouteDistanceKm = route.TotalKm;
        var ctx = new ShipmentContext(route, new GeoPoint(0, 0), new GeoPoint(0, 10), AlertThresholds.Default);

        Assert.Equal(ApplyOutcome.Applied, ShipmentTracker.Apply(state, new TelemetryReading("new", T0.AddMinutes(100), 0, 1, 10, null, null), ctx, []));
        Assert.Empty(state.RecentMessageHashes);   // moved into the window
        Assert.Equal(ApplyOutcome.Duplicate, ShipmentTracker.Apply(state, new TelemetryReading("old5", T0.AddMinutes(5), 0, 0.1, 10, null, null), ctx, []));
        Assert.Equal(ApplyOutcome.Duplicate, ShipmentTracker.Apply(state, new TelemetryReading("new", T0.AddMinutes(100), 0, 1, 10, null, null), ctx, []));
        Assert.Equal(101, state.ReadingCount);
    }
}
