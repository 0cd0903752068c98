using System.Text;
using static Visibility.Integration.Tests.Shipments.ShipmentApi;

namespace Visibility.Integration.Tests.Shipments;

public sealed class BadInputFixture : HostFixture;

/// <summary>Every bad input gets RFC 9457 problem details naming the field, and changes nothing.</summary>
[Collection("host")]
public sealed class BadInputTests(BadInputFixture fx) : IClassFixture<BadInputFixture>
{
    private HttpClient Http => fx.Host.Http;

    private async Task<JsonElement> ExpectProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", body); // no stack traces
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    private Task<HttpResponseMessage> PostRawAsync(string path, string json) =>
        Http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private async Task<string[]> ErrorFieldsForTelemetryAsync(string json)
    {
        using var response = await PostRawAsync("/api/telemetry", json);
        var problem = await ExpectProblemAsync(response, HttpStatusCode.BadRequest);
        return problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray();
    }

    [Fact]
    public async Task A_batch_with_one_bad_reading_is_refused_whole_and_names_each_bad_item()
    {
        await CreateAsync(Http, Booking("BAD-1"));
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);
        var good = Reading("BAD-1", "ok-1", at, 30, 125);
        var badLat = Reading("BAD-1", "bad-lat", at, 91, 125);
        var unknown = Reading("NOPE", "bad-ship", at, 30, 125);
        var future = Reading("BAD-1", "bad-future", DateTimeOffset.UtcNow.AddHours(2), 30, 125);
        using var response = await Http.PostAsJsonAsync("/api/telemetry", new[] { good, badLat, unknown, future });
        var problem = await ExpectProblemAsync(response, HttpStatusCode.BadRequest);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Contains("[1].lat", fields);
        Assert.Contains("[2].shipmentId", fields);
        Assert.Contains("[3].timestamp", fields);
        Assert.DoesNotContain(fields, f => f.StartsWith("[0]"));

        // Nothing of the batch was applied, not even the good reading.
        Assert.Equal(0, (await GetAsync(Http, "BAD-1")).GetProperty("readings").GetInt32());
    }

    [Theory]
    [InlineData("[{\"messageId\":\"a\",\"shipmentId\":\"BAD-2\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"lat\":1,\"lon\":2", "$")] // truncated
    [InlineData("{\"not\":\"an array\"}", "$")]
    [InlineData("[]", "$")]
    [InlineData("[{\"shipmentId\":\"BAD-2\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"lat\":1,\"lon\":2}]", "[0].messageId")]
    [InlineData("[{\"messageId\":\"a\",\"shipmentId\":\"BAD-2\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"lat\":\"north\",\"lon\":2}]", "[0].lat")]
    [InlineData("[{\"messageId\":\"a\",\"shipmentId\":\"BAD-2\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"lat\":NaN,\"lon\":2}]", "$")]
    [InlineData("[{\"messageId\":\"a\",\"shipmentId\":\"BAD-2\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"lat\":\"NaN\",\"lon\":2}]", "[0].lat")]
    [InlineData("[{\"messageId\":\"a\",\"shipmentId\":\"BAD-2\",\"timestamp\":\"2026-01-01 00:00:00\",\"lat\":1,\"lon\":2}]", "[0].timestamp")]
    [InlineData("[{\"messageId\":\"a\",\"shipmentId\":\"BAD-2\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"lat\":1,\"lon\":200}]", "[0].lon")]
    [InlineData("[{\"messageId\":\"a\",\"shipmentId\":\"BAD-2\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"lat\":1,\"lon\":2,\"owner\":\"me\"}]", "[0].owner")]
    [InlineData("[{\"messageId\":\"a\",\"shipmentId\":\"BAD-2\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"lat\":1,\"lon\":2,\"batteryPct\":140}]", "[0].batteryPct")]
    public async Task Malformed_telemetry_gets_a_field_level_400(string json, string field)
    {
        await CreateAsync(Http, Booking("BAD-2"));
        Assert.Contains(field, await ErrorFieldsForTelemetryAsync(json));
        Assert.Equal(0, (await GetAsync(Http, "BAD-2")).GetProperty("readings").GetInt32());
    }

    [Fact]
    public async Task More_than_1000_readings_or_a_body_over_1MB_is_refused()
    {
        await CreateAsync(Http, Booking("BAD-3"));
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);
        var many = Enumerable.Range(0, 1001).Select(i => Reading("BAD-3", $"m{i}", at, 30, 125));
        using (var response = await Http.PostAsJsonAsync("/api/telemetry", many))
            await ExpectProblemAsync(response, HttpStatusCode.BadRequest);

        var huge = "[" + string.Join(",", Enumerable.Range(0, 900).Select(i =>
            $"{{\"messageId\":\"{new string('x', 100)}{i}\",\"shipmentId\":\"BAD-3\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"lat\":1,\"lon\":2,\"pad\":\"{new string('p', 1200)}\"}}")) + "]";
        using (var response = await PostRawAsync("/api/telemetry", huge))
            await ExpectProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, (await GetAsync(Http, "BAD-3")).GetProperty("readings").GetInt32());
    }

    [Theory]
    [InlineData("{\"id\":\"B-1\",\"mode\":\"boat\",\"origin\":\"CNSHA\",\"destination\":\"USLAX\",\"plannedDeparture\":\"2026-11-20T00:00:00Z\"}", "mode")]
    [InlineData("{\"id\":\"B-1\",\"mode\":\"ocean\",\"origin\":\"XXXXX\",\"destination\":\"USLAX\",\"plannedDeparture\":\"2026-11-20T00:00:00Z\"}", "origin")]
    [InlineData("{\"id\":\"B-1\",\"mode\":\"ocean\",\"origin\":\"CNSHA\",\"destination\":\"USLAX\"}", "plannedDeparture")]
    [InlineData("{\"id\":\"B-1\",\"mode\":\"ocean\",\"origin\":\"CNSHA\",\"destination\":\"USLAX\",\"plannedDeparture\":\"2026-11-20T00:00:00Z\",\"cargo\":[{\"partNumber\":\"P\",\"quantity\":-5}]}", "cargo[0].quantity")]
    [InlineData("{\"id\":\"B-1\",\"mode\":\"ocean\",\"origin\":\"CNSHA\",\"destination\":\"USLAX\",\"plannedDeparture\":\"2026-11-20T00:00:00Z\",\"cargo\":[{\"partNumber\":\"P\",\"quantity\":\"lots\"}]}", "$.cargo[0].quantity")]
    [InlineData("{\"id\":\"B-1\",\"mode\":\"ocean\",\"origin\":\"CNSHA\",\"destination\":\"USLAX\",\"plannedDeparture\":\"2026-11-20T00:00:00Z\",\"status\":\"arrived\"}", "$.status")]
    [InlineData("{\"id\":\"B-1\",\"mode\":\"ocean\",\"origin\":\"CNSHA\",\"destination\":\"USLAX\",\"plannedDeparture\":\"2026-11-20T00:00:00Z\",\"reefer\":{\"minC\":8,\"maxC\":2}}", "reefer")]
    [InlineData("{\"id\":\"B-1\",\"mode\":\"ocean\",\"origin\":\"CNSHA\",\"destination\":\"CNSHA\",\"plannedDeparture\":\"2026-11-20T00:00:00Z\"}", "destination")]
    [InlineData("{\"id\":\"B\\u0000-1\",\"mode\":\"ocean\",\"origin\":\"CNSHA\",\"destination\":\"USLAX\",\"plannedDeparture\":\"2026-11-20T00:00:00Z\"}", "id")]
    public async Task Bad_bookings_get_a_field_level_400_and_create_nothing(string json, string field)
    {
        using var response = await PostRawAsync("/api/shipments", json);
        var problem = await ExpectProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        using var get = await Http.GetAsync("/api/shipments/B-1");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task Unknown_shipment_and_location_are_404_problems()
    {
        using (var r = await Http.GetAsync("/api/shipments/does-not-exist")) await ExpectProblemAsync(r, HttpStatusCode.NotFound);
        using (var r = await Http.GetAsync("/api/locations/ZZZZZ")) await ExpectProblemAsync(r, HttpStatusCode.NotFound);
        using (var r = await Http.GetAsync("/api/routes/sea?from=CNSHA&to=ZZZZZ")) await ExpectProblemAsync(r, HttpStatusCode.NotFound);
        using (var r = await Http.GetAsync("/api/routes/sea?from=CNSHA&to=NLRTM&avoid=atlantis")) await ExpectProblemAsync(r, HttpStatusCode.BadRequest);
        // The Persian Gulf has one way out: closing Hormuz leaves Jebel Ali no sea route at all.
        using (var r = await Http.GetAsync("/api/routes/sea?from=AEJEA&to=NLRTM&avoid=hormuz")) await ExpectProblemAsync(r, HttpStatusCode.UnprocessableEntity);
    }
}
