using static Visibility.Integration.Tests.Shipments.ShipmentApi;

namespace Visibility.Integration.Tests.Shipments;

public sealed class ShipmentFlowFixture : HostFixture;

/// <summary>Create, ingest, read back, de-duplicate, survive restarts and crashes — against the real host and real Azurite.</summary>
[Collection("host")]
public sealed class ShipmentFlowTests(ShipmentFlowFixture fx) : IClassFixture<ShipmentFlowFixture>
{
    private HttpClient Http => fx.Host.Http;

    [Fact]
    public async Task Created_shipment_moves_with_telemetry_and_reports_progress_and_eta()
    {
        var created = await CreateAsync(Http, Booking("FLOW-1"));
        Assert.Equal("planned", created.GetProperty("status").GetString());
        Assert.InRange(created.GetProperty("distanceKm").GetDouble(), 9_500, 12_500);

        var path = await RouteAsync(Http, "FLOW-1");
        var p = path[path.Length / 2];
        var now = DateTimeOffset.UtcNow;
        var ack = await PostTelemetryAsync(Http, [Reading("FLOW-1", "m1", now.AddMinutes(-1), p.Lat, p.Lon)]);
        Assert.Equal(1, ack.GetProperty("accepted").GetInt32());
        Assert.Equal(0, ack.GetProperty("duplicates").GetInt32());

        var view = await GetAsync(Http, "FLOW-1");
        Assert.Equal("in-transit", view.GetProperty("status").GetString());
        Assert.Equal(p.Lat, view.GetProperty("position").GetProperty("lat").GetDouble(), 4);
        Assert.InRange(view.GetProperty("progressPct").GetDouble(), 30, 70);
        Assert.True(view.GetProperty("eta").GetDateTimeOffset() > now, "ETA lies ahead");
        var track = await Http.GetFromJsonAsync<JsonElement>("/api/shipments/FLOW-1/track");
        Assert.Single(track.GetProperty("points").EnumerateArray());
    }

    [Fact]
    public async Task Repeated_readings_are_counted_as_duplicates_and_applied_once()
    {
        await CreateAsync(Http, Booking("FLOW-DUP"));
        var path = await RouteAsync(Http, "FLOW-DUP");
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        var batch = new[] { Reading("FLOW-DUP", "d1", at, path[3].Lat, path[3].Lon), Reading("FLOW-DUP", "d2", at.AddMinutes(1), path[4].Lat, path[4].Lon) };
        await PostTelemetryAsync(Http, batch);
        var again = await PostTelemetryAsync(Http, batch);
        Assert.Equal(0, again.GetProperty("accepted").GetInt32());
        Assert.Equal(2, again.GetProperty("duplicates").GetInt32());
        Assert.Equal(2, (await GetAsync(Http, "FLOW-DUP")).GetProperty("readings").GetInt32());
    }

    [Fact]
    public async Task An_older_reading_never_moves_the_shipment_backwards()
    {
        await CreateAsync(Http, Booking("FLOW-ORDER"));
        var path = await RouteAsync(Http, "FLOW-ORDER");
        var at = DateTimeOffset.UtcNow.AddMinutes(-30);
        var ahead = path[path.Length * 2 / 3];
        var behind = path[path.Length / 3];
        await PostTelemetryAsync(Http, [Reading("FLOW-ORDER", "late", at.AddMinutes(10), ahead.Lat, ahead.Lon)]);
        var before = await GetAsync(Http, "FLOW-ORDER");
        await PostTelemetryAsync(Http, [Reading("FLOW-ORDER", "early", at, behind.Lat, behind.Lon)]);
        var after = await GetAsync(Http, "FLOW-ORDER");
        Assert.Equal(before.GetProperty("progressPct").GetDouble(), after.GetProperty("progressPct").GetDouble());
        Assert.Equal(ahead.Lat, after.GetProperty("position").GetProperty("lat").GetDouble(), 4);
        Assert.Equal(2, after.GetProperty("readings").GetInt32());
    }

    [Fact]
    public async Task Reefer_excursion_sustained_opens_a_cold_chain_alert_and_clears_when_back_in_range()
    {
        await CreateAsync(Http, Booking("FLOW-COLD", reefer: new { minC = 2, maxC = 8 }));
        var path = await RouteAsync(Http, "FLOW-COLD");
        var t0 = DateTimeOffset.UtcNow.AddHours(-2);
        var p = path[5];
        var hot = Enumerable.Range(0, 5).Select(i => Reading("FLOW-COLD", $"h{i}", t0.AddMinutes(5 * i), p.Lat, p.Lon, temperatureC: 12));
        await PostTelemetryAsync(Http, hot);
        var view = await GetAsync(Http, "FLOW-COLD");
        Assert.Contains(view.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("kind").GetString() == "cold-chain");

        var cool = Enumerable.Range(0, 4).Select(i => Reading("FLOW-COLD", $"c{i}", t0.AddMinutes(30 + 5 * i), p.Lat, p.Lon, temperatureC: 5));
        await PostTelemetryAsync(Http, cool);
        view = await GetAsync(Http, "FLOW-COLD");
        Assert.DoesNotContain(view.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("kind").GetString() == "cold-chain");
        Assert.Equal(9, view.GetProperty("temperatureHistory").GetArrayLength());
    }

    [Fact]
    public async Task Lists_filter_by_status_and_page()
    {
        await CreateAsync(Http, Booking("FLOW-LIST-A"));
        await CreateAsync(Http, Booking("FLOW-LIST-B", origin: "CNNGB"));
        await Task.Delay(600); // the map picture is fed by the push path every few hundred ms
        var page = await Http.GetFromJsonAsync<JsonElement>("/api/shipments?status=planned&limit=1");
        Assert.True(page.GetProperty("total").GetInt32() >= 2);
        Assert.Equal(1, page.GetProperty("items").GetArrayLength());
        Assert.All(page.GetProperty("items").EnumerateArray(), s => Assert.Equal("planned", s.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Same_booking_twice_is_idempotent_and_a_different_one_conflicts()
    {
        var departure = DateTimeOffset.UtcNow.AddDays(-2);
        await CreateAsync(Http, Booking("FLOW-IDEM", departure: departure));
        using var same = await Http.PostAsJsonAsync("/api/shipments", Booking("FLOW-IDEM", departure: departure));
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        using var different = await Http.PostAsJsonAsync("/api/shipments", Booking("FLOW-IDEM", destination: "USLGB", departure: departure));
        Assert.Equal(HttpStatusCode.Conflict, different.StatusCode);
        Assert.Equal("application/problem+json", different.Content.Headers.ContentType?.MediaType);
    }
}
