using static Visibility.Integration.Tests.Disruptions.DisruptionApi;
using static Visibility.Integration.Tests.Shipments.ShipmentApi;

namespace Visibility.Integration.Tests.Disruptions;

public sealed class DisruptionInputFixture : HostFixture
{
    // No demo network and no imports at start: every disruption here is made by the tests, so the count is known.
    protected override IDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Demo:Seed"] = "false",
        ["Disruptions:PiracyZones"] = "false",
        ["Disruptions:UsgsFeedPath"] = "/nonexistent/usgs",
    };
}

/// <summary>Bad declarations are refused with field errors and create nothing; a closure survives a restart.</summary>
[Collection("host")]
public sealed class DisruptionInputTests(DisruptionInputFixture fx) : IClassFixture<DisruptionInputFixture>
{
    private HttpClient Http => fx.Host.Http;

    /// <summary>Bodies with "END" standing for an expected end 30 days from now (valid unless the case is about it).</summary>
    public static TheoryData<string, string, string> BadBodies => WithEnd(new()
    {
        { "{}", "type", "missing type" },
        { """{"type":"flood"}""", "type", "unknown type" },
        { """{"type":"chokepoint-closure","expectedEnd":"END"}""", "chokepoint", "no chokepoint" },
        { """{"type":"chokepoint-closure","chokepoint":"suezz","expectedEnd":"END"}""", "chokepoint", "unknown chokepoint" },
        { """{"type":"chokepoint-closure","chokepoint":"suez","locode":"NLRTM","expectedEnd":"END"}""", "locode", "field the type does not take" },
        { """{"type":"chokepoint-closure","chokepoint":"suez"}""", "expectedEnd", "no expected end (TTR)" },
        { """{"type":"chokepoint-closure","chokepoint":"suez","expectedEnd":"2020-01-01T00:00:00Z"}""", "expectedEnd", "expected end in the past" },
        { """{"type":"chokepoint-closure","chokepoint":"suez","start":"2098-06-01T00:00:00Z","expectedEnd":"END"}""", "start", "start far ahead" },
        { """{"type":"port-congestion","locode":"NLRTM","expectedEnd":"END"}""", "delayDays", "no delay" },
        { """{"type":"port-congestion","locode":"NLRTM","delayDays":0,"expectedEnd":"END"}""", "delayDays", "zero delay" },
        { """{"type":"port-closure","locode":"XXXXX","expectedEnd":"END"}""", "locode", "unknown port" },
        { """{"type":"port-closure","locode":"NLRTM","delayDays":3,"expectedEnd":"END"}""", "delayDays", "a closure takes no delay" },
        { """{"type":"natural-hazard","expectedEnd":"END"}""", "center", "no area" },
        { """{"type":"natural-hazard","center":{"lat":95,"lon":0},"radiusKm":100,"expectedEnd":"END"}""", "center", "latitude off the map" },
        { """{"type":"natural-hazard","center":{"lat":10,"lon":0},"radiusKm":0,"expectedEnd":"END"}""", "radiusKm", "zero radius" },
        { """{"type":"security-zone","polygon":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}}""", "polygon", "ring not closed" },
        { """{"type":"security-zone","polygon":{"type":"Point","coordinates":[0,0]}}""", "polygon", "not a polygon" },
        { """{"type":"security-zone","center":{"lat":1,"lon":2},"radiusKm":50,"polygon":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}""", "polygon", "circle and polygon" },
        { """{"type":"supplier-site-outage","expectedEnd":"END"}""", "supplierId", "no supplier" },
        { """{"type":"supplier-site-outage","supplierId":"NOPE","siteId":"S1","expectedEnd":"END"}""", "supplierId", "unknown supplier" },
        { """{"id":"a/b","type":"chokepoint-closure","chokepoint":"suez","expectedEnd":"END"}""", "id", "id not safe in a URL" },
        { """{"type":"chokepoint-closure","chokepoint":"suez","expectedEnd":"END","colour":"red"}""", "$.colour", "unknown property" },
        { """{"type":"chokepoint-closure","chokepoint":"suez","expectedEnd":"tomorrow"}""", "$.expectedEnd", "not a date" },
        { """{"type":"chokepoint-closure","chokepoint":"suez","severity":"apocalyptic","expectedEnd":"END"}""", "severity", "unknown severity" },
    });

    private static TheoryData<string, string, string> WithEnd(TheoryData<string, string, string> cases)
    {
        string end = DateTimeOffset.UtcNow.Date.AddDays(30).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        var result = new TheoryData<string, string, string>();
        foreach (var row in cases) result.Add(row.Data.Item1.Replace("END", end), row.Data.Item2, row.Data.Item3);
        return result;
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_declaration_is_refused_with_a_field_error_and_creates_nothing(string body, string field, string why)
    {
        int before = (await Http.GetFromJsonAsync<JsonElement>("/api/disruptions", TestContext.Current.CancellationToken)).GetArrayLength();
        using var response = await Http.PostAsync("/api/disruptions", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"{why}: no error for '{field}' in {text}");
        Assert.DoesNotContain("Exception", text);
        Assert.Equal(before, (await Http.GetFromJsonAsync<JsonElement>("/api/disruptions", TestContext.Current.CancellationToken)).GetArrayLength());
    }

    [Theory]
    [InlineData("/api/disruptions?active=maybe", "active")]
    [InlineData("/api/disruptions?type=flood", "type")]
    public async Task Bad_filters_are_refused(string path, string field)
    {
        using var response = await Http.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Unknown_disruptions_are_404_and_a_repeated_id_is_idempotent_or_a_conflict()
    {
        await SendAsync(Http, HttpMethod.Get, "/api/disruptions/nope", null, HttpStatusCode.NotFound);
        await SendAsync(Http, HttpMethod.Post, "/api/disruptions/nope/resolve", null, HttpStatusCode.NotFound);
        await SendAsync(Http, HttpMethod.Get, "/api/disruptions/nope/impact", null, HttpStatusCode.NotFound);

        var body = new { id = "DI-SAME", type = "port-closure", locode = "NLRTM", expectedEnd = DateTimeOffset.UtcNow.Date.AddDays(30).ToString("O") };
        var created = await SendAsync(Http, HttpMethod.Post, "/api/disruptions", body, HttpStatusCode.Created);
        Assert.Equal("Port of Rotterdam closed", created.GetProperty("title").GetString());
        await SendAsync(Http, HttpMethod.Post, "/api/disruptions", body, HttpStatusCode.OK);                            // the same again
        await SendAsync(Http, HttpMethod.Post, "/api/disruptions", body with { locode = "DEHAM" }, HttpStatusCode.Conflict); // another under its id
        await SendAsync(Http, HttpMethod.Get, "/api/disruptions/DI-SAME/impact?limit=0", null, HttpStatusCode.BadRequest);
        await ResolveAsync(Http, "DI-SAME");
        var again = await ResolveAsync(Http, "DI-SAME"); // resolving twice is not an error
        Assert.Equal("resolved", again.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_closure_holds_across_a_restart_and_resolving_afterwards_restores_the_route()
    {
        var booked = await CreateAsync(Http, Booking("DR-EU-1", "CNSHA", "NLRTM"));
        double bookedKm = booked.GetProperty("distanceKm").GetDouble();
        await DeclareAsync(Http, Closure("DR-SUEZ", "suez"));
        var rerouted = await EventuallyAsync(() => GetAsync(Http, "DR-EU-1"), v => v.GetProperty("rerouted").GetBoolean(), "re-routed");
        double reroutedKm = rerouted.GetProperty("distanceKm").GetDouble();

        await fx.RestartAsync(crash: false);

        // The shipment comes back on its re-routed course; a booking after the restart meets the closure too
        // (the in-memory index was rebuilt: shipments joined again, the closure asserted itself again).
        Assert.Equal(reroutedKm, (await GetAsync(Http, "DR-EU-1")).GetProperty("distanceKm").GetDouble());
        await CreateAsync(Http, Booking("DR-EU-2", "CNSHA", "NLRTM"));
        await EventuallyAsync(() => GetAsync(Http, "DR-EU-2"), v => v.GetProperty("rerouted").GetBoolean(), "a booking after the restart re-routed");

        await ResolveAsync(Http, "DR-SUEZ");
        foreach (var id in new[] { "DR-EU-1", "DR-EU-2" })
        {
            var restored = await EventuallyAsync(() => GetAsync(Http, id), v => !v.GetProperty("rerouted").GetBoolean(), $"{id} restored");
            Assert.Equal(bookedKm, restored.GetProperty("distanceKm").GetDouble());
        }
    }
}
