using Visibility.Domain.Geo;
using Visibility.Simulator;

namespace Visibility.Simulator.Tests;

public class VoyagePlannerTests
{
    private static readonly IReadOnlyList<ResolvedLane> AllLanes = LaneCatalog.Resolve(LaneCatalog.All, _ => true).Usable;
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private static VoyagePlanner Planner(int seed = 42, double reeferShare = 0.15) => new(seed, AllLanes, reeferShare, "SIM-");

    [Fact]
    public void Ids_are_deterministic_from_index_and_generation()
    {
        Assert.Equal("SIM-000123", VoyagePlanner.ShipmentId("SIM-", 123, 0));
        Assert.Equal("SIM-000123-g2", VoyagePlanner.ShipmentId("SIM-", 123, 2));
    }

    [Fact]
    public void The_same_seed_plans_the_same_voyage_and_another_seed_does_not()
    {
        var a = Planner(42).Plan(7, 0);
        var b = Planner(42).Plan(7, 0);
        Assert.Equal(a.Lane, b.Lane);
        Assert.Equal(a.Reference, b.Reference);
        Assert.Equal(a.Cargo, b.Cargo);
        Assert.Equal(Planner(42).Motion(a.Id, TransportMode.Ocean, TimeSpan.FromDays(14), true),
                     Planner(42).Motion(a.Id, TransportMode.Ocean, TimeSpan.FromDays(14), true));

        int differentLanes = Enumerable.Range(0, 200).Count(i => Planner(42).Plan(i, 0).Lane != Planner(43).Plan(i, 0).Lane);
        Assert.True(differentLanes > 100, $"seed should matter, only {differentLanes}/200 lanes differ");
    }

    [Fact]
    public void The_story_keeps_China_largest_while_ASEAN_and_Mexico_are_visible()
    {
        var planner = Planner();
        var plans = Enumerable.Range(0, 20_000).Select(i => planner.Plan(i, 0)).ToList();
        double Share(Func<VoyagePlan, bool> f) => plans.Count(f) / (double)plans.Count;

        double china = Share(p => p.Lane.Lane.Story == LaneStory.China);
        double asean = Share(p => p.Lane.Lane.Story == LaneStory.Asean);
        double toMexico = Share(p => p.Lane.Destination.StartsWith("MX"));
        Assert.InRange(china, 0.45, 0.65);
        Assert.InRange(asean, 0.18, 0.35);
        Assert.InRange(toMexico, 0.08, 0.25);
        Assert.InRange(Share(p => p.Lane.Mode == TransportMode.Ocean), 0.75, 0.9);
        Assert.InRange(Share(p => p.Lane.Mode == TransportMode.Air), 0.03, 0.12);
        Assert.InRange(Share(p => p.Lane.Mode == TransportMode.Truck), 0.03, 0.12);
        Assert.InRange(Share(p => p.Reefer is not null), 0.13, 0.17);
    }

    [Fact]
    public void Cargo_goes_to_the_lane_factory_and_fits_the_mode()
    {
        var planner = Planner();
        for (int i = 0; i < 3000; i++)
        {
            var plan = planner.Plan(i, 0);
            Assert.NotEmpty(plan.Cargo);
            Assert.All(plan.Cargo, c => Assert.Equal(plan.Lane.Lane.FactoryId, c.FactoryId));
            Assert.All(plan.Cargo, c => Assert.True(c.Quantity > 0));
            Assert.Equal(plan.Cargo.Count, plan.Cargo.Select(c => c.PartNumber).Distinct().Count());
            if (plan.Lane.Mode == TransportMode.Air)
                Assert.DoesNotContain(plan.Cargo, c => !CargoCatalog.Find(c.PartNumber).AirAllowed);
            if (plan.Reefer is { } r)
            {
                Assert.Contains(r, new[] { CargoCatalog.Chilled, CargoCatalog.Frozen });
                Assert.All(plan.Cargo, c => Assert.Equal(r, CargoCatalog.Find(c.PartNumber).Reefer));
            }
            Assert.Matches(@"^PO-\d{7}$", plan.Reference);
        }
    }

    [Fact]
    public void Factories_match_the_destination_region()
    {
        foreach (var lane in LaneCatalog.All.Where(l => l.FactoryId is not null))
        {
            string country = lane.Destinations[0][..2];
            string expected = lane.FactoryId switch
            {
                "F-MTY" or "F-GDL" => "MX", "F-HCM" => "VN", "F-BKK" => "TH", "F-PEN" => "MY", "F-AUS" => "US",
                _ => throw new Xunit.Sdk.XunitException($"unknown factory {lane.FactoryId}"),
            };
            Assert.True(expected == country, $"{lane.Name} feeds {lane.FactoryId} but ends in {country}");
        }
    }

    [Theory]
    [InlineData(TransportMode.Ocean, 16 * 1.852, 19 * 1.852)]
    [InlineData(TransportMode.Air, 780, 860)]
    [InlineData(TransportMode.Truck, 55, 65)]
    public void Cruise_speeds_are_typical_for_the_mode(TransportMode mode, double min, double max)
    {
        var planner = Planner();
        for (int i = 0; i < 500; i++)
            Assert.InRange(VoyagePlanner.CruiseKmh(planner.KeyOf($"X-{i}"), mode), min, max);
    }

    [Fact]
    public void Planned_arrival_adds_sailing_time_and_port_time()
    {
        var departure = Now;
        // Shanghai -> Long Beach is about 10,700 km by sea: two weeks at 17 knots, plus 36 h of port time.
        var arrival = VoyagePlanner.PlannedArrival(departure, TransportMode.Ocean, 10_700, 17 * 1.852, timeScale: 1);
        Assert.Equal(10_700 / (17 * 1.852) + 36, (arrival - departure).TotalHours, 6);
        Assert.InRange((arrival - departure).TotalDays, 14, 16);

        var fast = VoyagePlanner.PlannedArrival(departure, TransportMode.Ocean, 10_700, 17 * 1.852, timeScale: 60);
        Assert.Equal((arrival - departure) / 60, fast - departure);
    }

    [Fact]
    public void First_voyages_are_spread_along_the_way_and_a_few_not_yet_departed()
    {
        var planner = Planner();
        var voyage = TimeSpan.FromDays(20);
        var departures = Enumerable.Range(0, 4000)
            .Select(i => planner.PlannedDeparture(VoyagePlanner.ShipmentId("SIM-", i, 0), 0, voyage, Now, 1)).ToList();
        Assert.All(departures, d => Assert.InRange(d, Now - voyage * 0.95, Now + TimeSpan.FromHours(36)));
        double future = departures.Count(d => d > Now) / (double)departures.Count;
        Assert.InRange(future, 0.03, 0.07);
        // Spread, not clustered: each fifth of the voyage holds a fair share.
        for (int k = 0; k < 5; k++)
        {
            var lo = Now - voyage * 0.95 * (k + 1) / 5; var hi = Now - voyage * 0.95 * k / 5;
            Assert.InRange(departures.Count(d => d > lo && d <= hi), 600, 900);
        }

        // Long voyages still reach back at most 30 days; the next generation leaves within hours.
        var longest = Enumerable.Range(0, 1000).Select(i =>
            planner.PlannedDeparture(VoyagePlanner.ShipmentId("SIM-", i, 0), 0, TimeSpan.FromDays(60), Now, 1)).Min();
        Assert.True(longest >= Now - TimeSpan.FromDays(30));
        var next = planner.PlannedDeparture("SIM-000001-g1", 1, voyage, Now, 1);
        Assert.InRange(next, Now + TimeSpan.FromHours(1), Now + TimeSpan.FromHours(6));
    }

    [Fact]
    public void Incident_shares_match_the_story()
    {
        var planner = Planner();
        var ocean = Enumerable.Range(0, 20_000)
            .Select(i => planner.Motion($"SIM-{i:D6}", TransportMode.Ocean, TimeSpan.FromDays(15), reefer: true)).ToList();
        double Share(Func<MotionProfile, bool> f) => ocean.Count(f) / (double)ocean.Count;

        Assert.InRange(Share(p => p.SpeedFactor < 0.9), 0.085, 0.115);
        Assert.InRange(Share(p => p.Stall is not null), 0.015, 0.025);
        Assert.InRange(Share(p => p.Silence is not null), 0.006, 0.014);
        Assert.InRange(Share(p => p.Excursion is not null), 0.043, 0.057);
        Assert.All(ocean.Where(p => p.Excursion is not null), p =>
        {
            Assert.InRange(p.Excursion!.Value.Duration, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(90));
            Assert.InRange(p.ExcursionDeltaC, 6, 8);
        });
        Assert.All(ocean.Where(p => p.Stall is not null), p => Assert.True(p.Stall!.Value.End < TimeSpan.FromDays(15)));

        var air = Enumerable.Range(0, 5000).Select(i => planner.Motion($"SIM-{i:D6}", TransportMode.Air, TimeSpan.FromHours(13), false));
        Assert.DoesNotContain(air, p => p.Stall is not null || p.Excursion is not null);
    }

    [Fact]
    public void Slow_voyages_end_up_late_and_normal_ones_on_time()
    {
        var planner = Planner();
        var route = new RoutePath([new GeoPoint(31.2, 121.5), new GeoPoint(33.7, -118.2)]);
        int slow = 0, late = 0;
        for (int i = 0; i < 2000; i++)
        {
            string id = $"SIM-{i:D6}";
            double cruise = VoyagePlanner.CruiseKmh(planner.KeyOf(id), TransportMode.Ocean);
            var nominal = VoyagePlanner.NominalDuration(route.LengthKm, cruise);
            var profile = planner.Motion(id, TransportMode.Ocean, nominal, false);
            var planned = VoyagePlanner.PlannedArrival(Now, TransportMode.Ocean, route.LengthKm, cruise, 1) - Now;
            bool arrivedOnTime = VesselMotion.At(route, profile, planned).Phase == VoyagePhase.Arrived;
            if (profile.SpeedFactor < 0.9)
            {
                slow++;
                if (!arrivedOnTime) late++;
            }
            else if (profile.Stall is null)
            {
                Assert.True(arrivedOnTime, $"{id} runs at normal speed but misses its planned arrival");
            }
        }
        Assert.True(slow > 100);
        Assert.Equal(slow, late);
    }
}
