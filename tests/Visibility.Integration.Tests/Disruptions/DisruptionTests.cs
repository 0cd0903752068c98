using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using static Visibility.Integration.Tests.Disruptions.DisruptionApi;
using static Visibility.Integration.Tests.Shipments.ShipmentApi;

namespace Visibility.Integration.Tests.Disruptions;

/// <summary>The embedded default: the demo network, the shared USGS snapshot and the piracy zones imported at start.</summary>
public sealed class DisruptionFixture : HostFixture
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        // The demo network is seeded in the background after start: the tests lean on its suppliers and buffers.
        await EventuallyAsync(() => Host.Http.GetFromJsonAsync<JsonElement>("/api/buffers"), b => b.GetArrayLength() >= 23, "demo buffers seeded", 60);
        await EventuallyAsync(() => Host.Http.GetFromJsonAsync<JsonElement>("/api/suppliers"), s => s.GetArrayLength() >= 9, "demo suppliers seeded", 60);
    }
}

/// <summary>Disruptions against the real host: declared, imported, propagated to shipments, sites and factories, and resolved.</summary>
[Collection("host")]
public sealed class DisruptionTests(DisruptionFixture fx) : IClassFixture<DisruptionFixture>
{
    private HttpClient Http => fx.Host.Http;
    private static readonly (double Lat, double Lon) Suez = (30.58, 32.33);

    private static double Km((double Lat, double Lon) a, (double Lat, double Lon) b)
    {
        double r = Math.PI / 180, dLat = (b.Lat - a.Lat) * r, dLon = (b.Lon - a.Lon) * r;
        double h = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(a.Lat * r) * Math.Cos(b.Lat * r) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * 6371.0088 * Math.Asin(Math.Sqrt(h));
    }

    [Fact]
    public async Task Closing_suez_and_bab_el_mandeb_sends_asia_europe_round_africa_leaves_the_pacific_alone_and_resolving_restores_both()
    {
        var europe = await CreateAsync(Http, Booking("DS-EU-1", "CNSHA", "NLRTM"));
        var pacific = await CreateAsync(Http, Booking("DS-PAC-1", "CNSHA", "USLAX"));
        double europeKm = europe.GetProperty("distanceKm").GetDouble(), pacificKm = pacific.GetProperty("distanceKm").GetDouble();
        string europeEta = europe.GetProperty("eta").GetString()!, pacificEta = pacific.GetProperty("eta").GetString()!;
        Assert.Contains("suez", europe.GetProperty("passes").EnumerateArray().Select(p => p.GetString()));

        await using var hub = fx.Host.Hub();
        var mapDeltas = Channel.CreateUnbounded<JsonElement>();
        var feedDeltas = Channel.CreateUnbounded<JsonElement>();
        hub.On<JsonElement>("mapDelta", d => mapDeltas.Writer.TryWrite(d));
        hub.On<JsonElement>("disruptionsDelta", d => feedDeltas.Writer.TryWrite(d));
        await hub.StartAsync(TestContext.Current.CancellationToken);
        await hub.InvokeAsync<JsonElement>("SubscribeMap", TestContext.Current.CancellationToken);
        var snapshot = await hub.InvokeAsync<JsonElement>("SubscribeDisruptions", TestContext.Current.CancellationToken);
        Assert.Equal(JsonValueKind.Array, snapshot.GetProperty("disruptions").ValueKind);

        var suez = await DeclareAsync(Http, Closure("DS-SUEZ", "suez"));
        Assert.Equal(("Suez Canal closed", "active"), (suez.GetProperty("title").GetString(), suez.GetProperty("status").GetString()));
        await DeclareAsync(Http, Closure("DS-MANDEB", "babelmandeb"));

        var rerouted = await EventuallyAsync(() => GetAsync(Http, "DS-EU-1"), v => v.GetProperty("rerouted").GetBoolean(), "the Europe-bound shipment re-routed");
        double added = rerouted.GetProperty("distanceKm").GetDouble() - europeKm;
        Assert.InRange(added, 5_500, 7_500); // round the Cape: ≈ +6,150 km on marnet (≈ 26,000 km against ≈ 19,650)
        Assert.Equal(europeKm, rerouted.GetProperty("plannedDistanceKm").GetDouble(), 1);
        var passes = rerouted.GetProperty("passes").EnumerateArray().Select(p => p.GetString()).ToArray();
        Assert.DoesNotContain("suez", passes);
        Assert.DoesNotContain("babelmandeb", passes);
        Assert.DoesNotContain("panama", passes);
        Assert.True(DateTimeOffset.Parse(rerouted.GetProperty("eta").GetString()!) > DateTimeOffset.Parse(europeEta).AddDays(5));
        Assert.Contains(rerouted.GetProperty("disruptions").EnumerateArray(), d => d.GetProperty("id").GetString() == "DS-SUEZ" && d.GetProperty("effect").GetString() == "rerouted");

        // The map's route: the new path rounds southern Africa and keeps away from Suez; the booked one is there to compare.
        var route = await Http.GetFromJsonAsync<JsonElement>("/api/shipments/DS-EU-1/route", TestContext.Current.CancellationToken);
        Assert.True(route.GetProperty("rerouted").GetBoolean());
        var path = route.GetProperty("path").EnumerateArray().Select(p => (Lat: p[1].GetDouble(), Lon: p[0].GetDouble())).ToArray();
        Assert.Contains(path, p => p.Lat < -30 && p.Lon is > 10 and < 35);
        Assert.All(path, p => Assert.True(Km(p, Suez) > 300, $"{p} is near Suez"));
        Assert.Equal(europeKm, route.GetProperty("originalDistanceKm").GetDouble(), 1);
        Assert.Contains(route.GetProperty("originalPath").EnumerateArray(), p => Km((p[1].GetDouble(), p[0].GetDouble()), Suez) < 100);
        Assert.Equal(["suez"], route.GetProperty("avoid").EnumerateArray().Select(a => a.GetString()));

        // The transpacific shipment was never touched.
        var untouched = await GetAsync(Http, "DS-PAC-1");
        Assert.False(untouched.GetProperty("rerouted").GetBoolean());
        Assert.Equal((pacificKm, pacificEta), (untouched.GetProperty("distanceKm").GetDouble(), untouched.GetProperty("eta").GetString()));
        Assert.Equal(0, untouched.GetProperty("disruptions").GetArrayLength());

        // The impact lists the shipment with its added days; the factory it feeds gets a TTS/TTR row.
        var impact = await EventuallyAsync(() => Http.GetFromJsonAsync<JsonElement>("/api/disruptions/DS-SUEZ/impact"),
            i => !i.GetProperty("disruption").GetProperty("impact").GetProperty("propagating").GetBoolean(), "propagation finished");
        var listed = Assert.Single(impact.GetProperty("shipments").EnumerateArray(), s => s.GetProperty("shipmentId").GetString() == "DS-EU-1");
        Assert.True(listed.GetProperty("addedDays").GetDouble() > 5);
        Assert.DoesNotContain(impact.GetProperty("shipments").EnumerateArray(), s => s.GetProperty("shipmentId").GetString() == "DS-PAC-1");
        var row = Assert.Single(impact.GetProperty("parts").EnumerateArray(), p => p.GetProperty("factoryId").GetString() == "F-MTY" && p.GetProperty("partNumber").GetString() == "IC-MCU-32F4");
        Assert.Contains("DS-EU-1", row.GetProperty("affectedShipments").EnumerateArray().Select(s => s.GetString()));
        Assert.True(row.GetProperty("ttsDays").GetDouble() > 0);
        Assert.InRange(row.GetProperty("ttrDays").GetDouble(), 29.9, 30.0);

        // Live: the map marks the shipment "disrupted" (flag 128) and the feed pushes the impact summary.
        await ReadUntilAsync(mapDeltas, d => d.GetProperty("markers").EnumerateArray().Any(m => m[0].GetString() == "DS-EU-1" && (m[6].GetInt32() & 128) != 0), "marker flagged disrupted");
        await ReadUntilAsync(feedDeltas, d => d.GetProperty("disruptions").EnumerateArray().Any(v =>
            v.GetProperty("id").GetString() == "DS-SUEZ" && v.GetProperty("impact").GetProperty("shipments").GetInt32() >= 1), "feed delta with the impact");

        // Reopened: back on the booked route, same distance and ETA as before.
        await ResolveAsync(Http, "DS-SUEZ");
        await ResolveAsync(Http, "DS-MANDEB");
        var restored = await EventuallyAsync(() => GetAsync(Http, "DS-EU-1"),
            v => !v.GetProperty("rerouted").GetBoolean() && v.GetProperty("disruptions").GetArrayLength() == 0, "the shipment restored");
        Assert.Equal(europeKm, restored.GetProperty("distanceKm").GetDouble());
        Assert.Equal(europeEta, restored.GetProperty("eta").GetString());
        Assert.Contains("suez", restored.GetProperty("passes").EnumerateArray().Select(p => p.GetString()));
        var after = await GetAsync(Http, "DS-PAC-1");
        Assert.Equal((pacificKm, pacificEta), (after.GetProperty("distanceKm").GetDouble(), after.GetProperty("eta").GetString()));
        var resolved = await Http.GetFromJsonAsync<JsonElement>("/api/disruptions/DS-SUEZ", TestContext.Current.CancellationToken);
        Assert.Equal("resolved", resolved.GetProperty("status").GetString());
        Assert.Equal("admin", resolved.GetProperty("resolvedBy").GetString());
    }

    [Fact]
    public async Task A_shipment_booked_during_a_closure_is_planned_round_it_at_once()
    {
        await DeclareAsync(Http, Closure("DS-SUEZ-2", "suez"));
        await EventuallyAsync(() => Http.GetFromJsonAsync<JsonElement>("/api/disruptions/DS-SUEZ-2"),
            d => !d.GetProperty("impact").GetProperty("propagating").GetBoolean(), "propagated");
        await CreateAsync(Http, Booking("DS-EU-LATE", "CNNGB", "DEHAM"));
        var late = await EventuallyAsync(() => GetAsync(Http, "DS-EU-LATE"), v => v.GetProperty("rerouted").GetBoolean(), "the late booking re-routed");
        Assert.DoesNotContain("suez", late.GetProperty("passes").EnumerateArray().Select(p => p.GetString()));
        await EventuallyAsync(() => Http.GetFromJsonAsync<JsonElement>("/api/disruptions/DS-SUEZ-2/impact"),
            i => i.GetProperty("shipments").EnumerateArray().Any(s => s.GetProperty("shipmentId").GetString() == "DS-EU-LATE"), "the late booking in the impact");
        await ResolveAsync(Http, "DS-SUEZ-2");
        await EventuallyAsync(() => GetAsync(Http, "DS-EU-LATE"), v => !v.GetProperty("rerouted").GetBoolean(), "restored");
    }

    [Fact]
    public async Task Port_congestion_adds_its_delay_to_shipments_bound_there_only()
    {
        var la = await CreateAsync(Http, Booking("DS-LAX-1", "CNSHA", "USLAX"));
        var other = await CreateAsync(Http, Booking("DS-LGB-1", "CNSHA", "USLGB"));
        var eta = DateTimeOffset.Parse(la.GetProperty("eta").GetString()!);
        var congestion = await DeclareAsync(Http, new { id = "DS-LAX-CONG", type = "port-congestion", locode = "USLAX", delayDays = 4, expectedEnd = Future(20) });
        Assert.StartsWith("Port of ", congestion.GetProperty("title").GetString());

        var delayed = await EventuallyAsync(() => GetAsync(Http, "DS-LAX-1"), v => v.GetProperty("disruptions").GetArrayLength() > 0, "delayed");
        Assert.Equal(eta.AddDays(4), DateTimeOffset.Parse(delayed.GetProperty("eta").GetString()!));
        Assert.Equal("delayed", delayed.GetProperty("disruptions")[0].GetProperty("effect").GetString());
        Assert.Equal(other.GetProperty("eta").GetString(), (await GetAsync(Http, "DS-LGB-1")).GetProperty("eta").GetString());

        await ResolveAsync(Http, "DS-LAX-CONG");
        var back = await EventuallyAsync(() => GetAsync(Http, "DS-LAX-1"), v => v.GetProperty("disruptions").GetArrayLength() == 0, "delay lifted");
        Assert.Equal(eta, DateTimeOffset.Parse(back.GetProperty("eta").GetString()!));
    }

    [Fact]
    public async Task A_security_zone_alerts_the_shipments_inside_it_and_those_that_sail_in_later()
    {
        await CreateAsync(Http, Booking("DS-ZONE-1", "CNSHA", "USLAX"));
        var path = await RouteAsync(Http, "DS-ZONE-1");
        var now = DateTimeOffset.UtcNow;
        var p = path[path.Length / 3];
        await PostTelemetryAsync(Http, [Reading("DS-ZONE-1", "z-1", now.AddMinutes(-10), p.Lat, p.Lon)]);

        // A square polygon round the shipment's position, as GeoJSON ([lon, lat], closed ring).
        double d = 1.0;
        var ring = new[] { new[] { p.Lon - d, p.Lat - d }, [p.Lon + d, p.Lat - d], [p.Lon + d, p.Lat + d], [p.Lon - d, p.Lat + d], [p.Lon - d, p.Lat - d] };
        await DeclareAsync(Http, new { id = "DS-ZONE", type = "security-zone", severity = "medium", polygon = new { type = "Polygon", coordinates = new[] { ring } } });
        var inside = await EventuallyAsync(() => GetAsync(Http, "DS-ZONE-1"),
            v => v.GetProperty("alerts").EnumerateArray().Any(a => a.GetProperty("kind").GetString() == "security"), "security alert open");
        Assert.StartsWith("In security risk zone", inside.GetProperty("alerts").EnumerateArray().First(a => a.GetProperty("kind").GetString() == "security").GetProperty("message").GetString());
        // The list filters on the live map's picture, which the push updates within a flush.
        await EventuallyAsync(() => Http.GetFromJsonAsync<JsonElement>("/api/shipments?alert=security"),
            l => l.GetProperty("items").EnumerateArray().Any(s => s.GetProperty("id").GetString() == "DS-ZONE-1"), "listed under alert=security");

        // Sailing on out of the zone clears it.
        var q = path[path.Length / 2];
        await PostTelemetryAsync(Http, [Reading("DS-ZONE-1", "z-2", now.AddMinutes(-5), q.Lat, q.Lon)]);
        await EventuallyAsync(() => GetAsync(Http, "DS-ZONE-1"),
            v => !v.GetProperty("alerts").EnumerateArray().Any(a => a.GetProperty("kind").GetString() == "security"), "alert cleared on leaving");

        // A second shipment sails into the zone after it was declared: the alert opens then.
        await CreateAsync(Http, Booking("DS-ZONE-2", "CNSHA", "USLAX"));
        await PostTelemetryAsync(Http, [Reading("DS-ZONE-2", "z2-1", now.AddMinutes(-10), path[2].Lat, path[2].Lon)]);
        await Task.Delay(500);
        await PostTelemetryAsync(Http, [Reading("DS-ZONE-2", "z2-2", now.AddMinutes(-5), p.Lat, p.Lon)]);
        await EventuallyAsync(() => GetAsync(Http, "DS-ZONE-2"),
            v => v.GetProperty("alerts").EnumerateArray().Any(a => a.GetProperty("kind").GetString() == "security"), "alert on sailing in");
        await EventuallyAsync(() => Http.GetFromJsonAsync<JsonElement>("/api/disruptions/DS-ZONE/impact"),
            i => i.GetProperty("shipments").EnumerateArray().Any(s => s.GetProperty("shipmentId").GetString() == "DS-ZONE-2"), "the entry reported");

        await ResolveAsync(Http, "DS-ZONE");
        await EventuallyAsync(() => GetAsync(Http, "DS-ZONE-2"),
            v => !v.GetProperty("alerts").EnumerateArray().Any(a => a.GetProperty("kind").GetString() == "security"), "alert cleared on resolve");
    }

    [Fact]
    public async Task A_quake_near_a_seeded_supplier_marks_its_site_and_reaches_the_factories_tts_and_ttr_rows()
    {
        // M7.0 (radius 316 km) 20 km north of Dongguan, where S-SZ-MCU's site SZ-1 makes IC-MCU-32F4 for F-MTY, F-GDL and F-BKK.
        var report = await ImportUsgsAsync(Http, Feed(Quake("dsq0001", 7.0, 23.2, 113.75, place: "20 km N of Dongguan, China")));
        Assert.Equal(1, report.GetProperty("created").GetInt32());

        var impact = await EventuallyAsync(() => Http.GetFromJsonAsync<JsonElement>("/api/disruptions/usgs-dsq0001/impact"),
            i => i.GetProperty("parts").GetArrayLength() > 0 && !i.GetProperty("disruption").GetProperty("impact").GetProperty("propagating").GetBoolean(), "factory rows");
        var disruption = impact.GetProperty("disruption");
        Assert.Equal(("natural-hazard", 316.2), (disruption.GetProperty("type").GetString(), disruption.GetProperty("zone").GetProperty("radiusKm").GetDouble()));
        Assert.Contains(impact.GetProperty("suppliers").EnumerateArray(), s => s.GetProperty("supplierId").GetString() == "S-SZ-MCU" && s.GetProperty("siteId").GetString() == "SZ-1");
        Assert.DoesNotContain(impact.GetProperty("suppliers").EnumerateArray(), s => s.GetProperty("supplierId").GetString() == "S-KR-BAT"); // Seoul is 2,000 km away
        var row = Assert.Single(impact.GetProperty("parts").EnumerateArray(), p => p.GetProperty("factoryId").GetString() == "F-MTY" && p.GetProperty("partNumber").GetString() == "IC-MCU-32F4");
        Assert.True(row.GetProperty("supplyCut").GetBoolean());
        Assert.InRange(row.GetProperty("ttrDays").GetDouble(), 20.9, 21.0); // M7: three weeks from the quake, an hour ago

        // TTS = (on hand + inbound) / ADU, the board row's own figures; impact = ADU × max(0, TTR − TTS).
        var buffer = (await Http.GetFromJsonAsync<JsonElement>("/api/factories/F-MTY/buffers/IC-MCU-32F4", TestContext.Current.CancellationToken)).GetProperty("buffer");
        double adu = buffer.GetProperty("adu").GetDouble(), onHand = buffer.GetProperty("onHand").GetDouble();
        double inbound = buffer.GetProperty("inbound").EnumerateArray().Sum(i => i.GetProperty("quantity").GetDouble());
        double tts = row.GetProperty("ttsDays").GetDouble(), ttr = row.GetProperty("ttrDays").GetDouble();
        Assert.Equal(Math.Round((onHand + inbound) / adu, 1), tts);
        double expected = adu * Math.Max(0, ttr - tts); // from the rounded figures: within a tenth of a day's usage
        Assert.InRange(row.GetProperty("impactUnits").GetDouble(), expected - adu * 0.1 - 1, expected + adu * 0.1 + 1);
        var risk = Assert.Single(buffer.GetProperty("risks").EnumerateArray(), r => r.GetProperty("disruptionId").GetString() == "usgs-dsq0001");
        Assert.Equal(tts, risk.GetProperty("ttsDays").GetDouble());

        var site = (await Http.GetFromJsonAsync<JsonElement>("/api/suppliers/S-SZ-MCU", TestContext.Current.CancellationToken)).GetProperty("sites")[0];
        Assert.Contains(site.GetProperty("disruptions").EnumerateArray(), d => d.GetProperty("id").GetString() == "usgs-dsq0001");

        await ResolveAsync(Http, "usgs-dsq0001");
        await EventuallyAsync(() => Http.GetFromJsonAsync<JsonElement>("/api/suppliers/S-SZ-MCU"),
            s => s.GetProperty("sites")[0].GetProperty("disruptions").GetArrayLength() == 0, "site unmarked");
        await EventuallyAsync(() => Http.GetFromJsonAsync<JsonElement>("/api/factories/F-MTY/buffers/IC-MCU-32F4"),
            b => !b.GetProperty("buffer").GetProperty("risks").EnumerateArray().Any(r => r.GetProperty("disruptionId").GetString() == "usgs-dsq0001"), "row cleared");
    }

    [Fact]
    public async Task Importing_the_same_feed_twice_creates_no_duplicates_and_malformed_items_are_skipped_logged_and_counted()
    {
        // Mid-Pacific, far from every site and lane this test cares about.
        var feed = Feed(
            Quake("dsdup01", 6.4, -20, -150),
            Quake("dsdup02", 6.1, -25, -140),
            Quake("dsold01", 6.8, -22, -145, hoursAgo: 24 * 40),            // older than the active window: history
            Quake("dsweak1", 5.1, -21, -151),                               // below M6
            """{"type":"Feature","id":"dsbad01","properties":{"mag":"six","time":1700000000000},"geometry":{"type":"Point","coordinates":[-150,-20]}}""",
            """{"type":"Feature","properties":{"mag":6.5,"time":1700000000000},"geometry":{"type":"Point","coordinates":[-150,-20]}}""",
            """{"type":"Feature","id":"dsbad03","properties":{"mag":6.5,"time":1700000000000},"geometry":{"type":"Point","coordinates":[-150,-95]}}""");
        var first = await ImportUsgsAsync(Http, feed);
        Assert.Equal((7, 2, 1, 1, 3, 0), (first.GetProperty("read").GetInt32(), first.GetProperty("created").GetInt32(), first.GetProperty("history").GetInt32(),
            first.GetProperty("belowThreshold").GetInt32(), first.GetProperty("skipped").GetInt32(), first.GetProperty("duplicates").GetInt32()));
        var reasons = first.GetProperty("skippedItems").EnumerateArray().ToArray();
        Assert.Equal([4, 5, 6], reasons.Select(r => r.GetProperty("index").GetInt32()));
        Assert.All(reasons, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("reason").GetString())));

        var second = await ImportUsgsAsync(Http, feed);
        Assert.Equal((0, 0, 3, 3), (second.GetProperty("created").GetInt32(), second.GetProperty("history").GetInt32(),
            second.GetProperty("duplicates").GetInt32(), second.GetProperty("skipped").GetInt32()));

        var hazards = await Http.GetFromJsonAsync<JsonElement>("/api/disruptions?type=natural-hazard", TestContext.Current.CancellationToken);
        var ids = hazards.EnumerateArray().Select(h => h.GetProperty("id").GetString()).ToList();
        Assert.Equal(1, ids.Count(i => i == "usgs-dsdup01"));
        Assert.Equal(1, ids.Count(i => i == "usgs-dsdup02"));
        Assert.DoesNotContain("usgs-dsweak1", ids);
        var old = hazards.EnumerateArray().Single(h => h.GetProperty("id").GetString() == "usgs-dsold01");
        Assert.Equal("resolved", old.GetProperty("status").GetString());

        // Each skipped item is in the host log with its reason.
        await EventuallyAsync(() => Task.FromResult(fx.Host.Tail(400)),
            log => log.Contains("USGS feed item 4 (dsbad01) skipped: mag") && log.Contains("USGS feed item 5 (no id) skipped: no id")
                   && log.Contains("USGS feed item 6 (dsbad03) skipped: coordinates"), "skipped items logged", 10);

        // A body that is not a feed at all is refused whole.
        var refused = await ImportUsgsAsync(Http, "{\"hello\":1}", HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("hello", out _)); // not a member of a feed
        var notAnObject = await ImportUsgsAsync(Http, "[1,2]", HttpStatusCode.BadRequest);
        Assert.True(notAnObject.GetProperty("errors").TryGetProperty("$", out _));
    }

    [Fact]
    public async Task At_start_the_shared_quake_snapshot_is_history_and_the_piracy_records_are_standing_security_zones()
    {
        var history = await Http.GetFromJsonAsync<JsonElement>("/api/disruptions?type=natural-hazard&active=false", TestContext.Current.CancellationToken);
        var snapshot2013 = history.EnumerateArray().Where(h => h.GetProperty("source").GetString() == "usgs" && h.GetProperty("start").GetString()!.StartsWith("2013")).ToArray();
        Assert.Equal(9, snapshot2013.Length); // the nine M ≥ 6 events of the 2013 snapshot, none active
        var active = await Http.GetFromJsonAsync<JsonElement>("/api/disruptions?active=true", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(active.EnumerateArray(), d => d.GetProperty("start").GetString()!.StartsWith("2013"));

        var zones = await Http.GetFromJsonAsync<JsonElement>("/api/disruptions?type=security-zone&active=true", TestContext.Current.CancellationToken);
        var singapore = zones.EnumerateArray().Where(z => z.GetProperty("source").GetString() == "imb-piracy")
            .FirstOrDefault(z => Km((z.GetProperty("point").GetProperty("lat").GetDouble(), z.GetProperty("point").GetProperty("lon").GetDouble()), (1.25, 103.9)) < 150);
        Assert.Equal(JsonValueKind.Object, singapore.ValueKind);
        Assert.Null(singapore.GetProperty("expectedEnd").GetString());
    }

    [Fact]
    public async Task A_supplier_posting_halted_opens_a_site_outage_once_and_operating_resolves_it()
    {
        static Task<JsonElement> Outages(HttpClient http) => http.GetFromJsonAsync<JsonElement>("/api/disruptions?type=supplier-site-outage&active=true");
        var halted = new { siteId = "SE-1", status = "halted", capacityPct = 0, expectedRecovery = Future(25) };
        await SendAsync(Http, HttpMethod.Post, "/api/suppliers/S-KR-BAT/status", halted, HttpStatusCode.OK);
        await SendAsync(Http, HttpMethod.Post, "/api/suppliers/S-KR-BAT/status", halted, HttpStatusCode.OK); // the same again: no second outage
        var open = await EventuallyAsync(() => Outages(Http), o => o.EnumerateArray().Any(d => d.GetProperty("supplierId").GetString() == "S-KR-BAT"), "outage opened");
        var outage = Assert.Single(open.EnumerateArray(), d => d.GetProperty("supplierId").GetString() == "S-KR-BAT");
        Assert.Equal("SE-1", outage.GetProperty("siteId").GetString());
        string id = outage.GetProperty("id").GetString()!;

        // BAT-LI-21700-5A goes from Seoul to F-HCM and F-AUS: both get a row with TTR ≈ 25 days.
        var impact = await EventuallyAsync(() => Http.GetFromJsonAsync<JsonElement>($"/api/disruptions/{id}/impact"),
            i => i.GetProperty("parts").GetArrayLength() >= 2, "factory rows");
        Assert.Equal(["F-AUS", "F-HCM"], impact.GetProperty("parts").EnumerateArray().Where(p => p.GetProperty("partNumber").GetString() == "BAT-LI-21700-5A")
            .Select(p => p.GetProperty("factoryId").GetString()).Order());

        await SendAsync(Http, HttpMethod.Post, "/api/suppliers/S-KR-BAT/status", new { siteId = "SE-1", status = "operating", capacityPct = 100 }, HttpStatusCode.OK);
        await EventuallyAsync(() => Outages(Http), o => !o.EnumerateArray().Any(d => d.GetProperty("supplierId").GetString() == "S-KR-BAT"), "outage resolved");
        var resolved = await Http.GetFromJsonAsync<JsonElement>($"/api/disruptions/{id}", TestContext.Current.CancellationToken);
        Assert.Equal(("resolved", "supplier-status"), (resolved.GetProperty("status").GetString(), resolved.GetProperty("resolvedBy").GetString()));
    }

    private static async Task ReadUntilAsync(Channel<JsonElement> channel, Func<JsonElement, bool> match, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            while (!match(await channel.Reader.ReadAsync(timeout.Token))) { }
        }
        catch (OperationCanceledException) { Assert.Fail($"no push within 15 s: {what}"); }
    }
}
