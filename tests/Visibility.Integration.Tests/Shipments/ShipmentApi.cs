using System.Globalization;

namespace Visibility.Integration.Tests.Shipments;

/// <summary>Payload builders and small readers for the shipment and telemetry API.</summary>
public static class ShipmentApi
{
    public static object Booking(string id, string origin = "CNSHA", string destination = "USLAX", string mode = "ocean",
        object? reefer = null, DateTimeOffset? departure = null) => new
    {
        id,
        reference = "PO-" + id,
        mode,
        origin,
        destination,
        // Midnight yesterday: the same booking posted twice in a test run is the same booking.
        plannedDeparture = (departure ?? new DateTimeOffset(DateTime.UtcNow.Date.AddDays(-1), TimeSpan.Zero)).ToString("O"),
        cargo = new[] { new { partNumber = "IC-MCU-32F4", quantity = 5000, factoryId = "F-MTY" } },
        reefer,
    };

    public static Dictionary<string, object?> Reading(string shipmentId, string messageId, DateTimeOffset at, double lat, double lon,
        double? speedKnots = 17, double? temperatureC = null) => new()
    {
        ["messageId"] = messageId,
        ["shipmentId"] = shipmentId,
        ["timestamp"] = at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["lat"] = lat,
        ["lon"] = lon,
        ["speedKnots"] = speedKnots,
        ["temperatureC"] = temperatureC,
    };

    public static async Task<JsonElement> CreateAsync(HttpClient http, object booking)
    {
        using var response = await http.PostAsJsonAsync("/api/shipments", booking);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"create: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The planned route's points as (lat, lon).</summary>
    public static async Task<(double Lat, double Lon)[]> RouteAsync(HttpClient http, string id)
    {
        var route = await http.GetFromJsonAsync<JsonElement>($"/api/shipments/{id}/route");
        return route.GetProperty("path").EnumerateArray().Select(p => (p[1].GetDouble(), p[0].GetDouble())).ToArray();
    }

    public static async Task<JsonElement> PostTelemetryAsync(HttpClient http, IEnumerable<object> readings, HttpStatusCode expected = HttpStatusCode.Accepted)
    {
        using var response = await http.PostAsJsonAsync("/api/telemetry", readings);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"telemetry: expected {(int)expected}, got {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Task<JsonElement> GetAsync(HttpClient http, string id) => http.GetFromJsonAsync<JsonElement>($"/api/shipments/{id}");
}
