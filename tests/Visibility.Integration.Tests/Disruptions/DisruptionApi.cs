using System.Text;

namespace Visibility.Integration.Tests.Disruptions;

/// <summary>Payload builders and small helpers for the disruptions API.</summary>
public static class DisruptionApi
{
    public static string Future(double days) => DateTimeOffset.UtcNow.AddDays(days).ToString("O");

    public static object Closure(string id, string chokepoint, double days = 30) =>
        new { id, type = "chokepoint-closure", chokepoint, expectedEnd = Future(days) };

    public static async Task<JsonElement> SendAsync(HttpClient http, HttpMethod method, string path, object? body, params HttpStatusCode[] expected)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body == null ? null : JsonContent.Create(body) };
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected.Contains(response.StatusCode), $"{method} {path}: expected {string.Join("/", expected.Select(e => (int)e))}, got {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<JsonElement> DeclareAsync(HttpClient http, object body) =>
        SendAsync(http, HttpMethod.Post, "/api/disruptions", body, HttpStatusCode.Created);

    public static Task<JsonElement> ResolveAsync(HttpClient http, string id) =>
        SendAsync(http, HttpMethod.Post, $"/api/disruptions/{id}/resolve", null, HttpStatusCode.OK);

    public static async Task<JsonElement> ImportUsgsAsync(HttpClient http, string feed, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await http.PostAsync("/api/disruptions/import/usgs", new StringContent(feed, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"import: expected {(int)expected}, got {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A USGS-format feature (as in the live feed) for a quake <paramref name="hoursAgo"/> hours ago.</summary>
    public static string Quake(string id, double mag, double lat, double lon, double hoursAgo = 1, string place = "test quake")
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        long time = DateTimeOffset.UtcNow.AddHours(-hoursAgo).ToUnixTimeMilliseconds();
        return "{\"type\":\"Feature\",\"id\":\"" + id + "\",\"properties\":{\"mag\":" + mag.ToString(inv) + ",\"place\":\"" + place +
               "\",\"time\":" + time + ",\"type\":\"earthquake\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[" +
               lon.ToString(inv) + "," + lat.ToString(inv) + ",10]}}";
    }

    public static string Feed(params string[] features) => "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(",", features) + "]}";

    /// <summary>Polls until <paramref name="done"/> holds (the propagation runs behind the API's answer).</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, double seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        T value = await read();
        while (!done(value))
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"not within {seconds} s: {what}; last: {value}");
            await Task.Delay(150);
            value = await read();
        }
        return value;
    }
}
