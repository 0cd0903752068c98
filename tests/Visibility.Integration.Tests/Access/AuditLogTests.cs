using System.Net.Http.Headers;
using static Visibility.Integration.Tests.Shipments.ShipmentApi;

namespace Visibility.Integration.Tests.Access;

public sealed class AuditLogFixture : HostFixture
{
    protected override IDictionary<string, string> Settings => new Dictionary<string, string> { ["Demo:Seed"] = "false" };
}

/// <summary>Every write is in the audit log (who, role, when, what, how it ended), durable across a restart, readable by admins.</summary>
[Collection("host")]
public sealed class AuditLogTests(AuditLogFixture fx) : IClassFixture<AuditLogFixture>
{
    private const string Password = "audit-user-password";

    private HttpClient Client(string? token)
    {
        var client = new HttpClient { BaseAddress = new Uri(fx.Host.BaseUrl) };
        if (token != null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<JsonElement[]> AuditAsync(string query = "")
    {
        var page = await fx.Host.Http.GetFromJsonAsync<JsonElement>("/api/audit?limit=1000" + query);
        return page.GetProperty("items").EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    private static JsonElement Single(IEnumerable<JsonElement> items, string actor, string method, string path, int status) =>
        Assert.Single(items, e => e.GetProperty("actor").GetString() == actor && e.GetProperty("method").GetString() == method
                                  && e.GetProperty("path").GetString() == path && e.GetProperty("status").GetInt32() == status);

    [Fact]
    public async Task Writes_and_refused_writes_are_audited_with_who_when_and_what_and_survive_a_restart()
    {
        var started = DateTimeOffset.UtcNow.AddSeconds(-1);
        var admin = fx.Host.Http;
        using (var r = await admin.PostAsJsonAsync("/api/users", new { username = "audit-op", password = Password, role = "operator" }))
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var operatorToken = await TestAuth.TokenAsync(Client(null), "audit-op", Password);
        using (var r = await Client(null).PostAsJsonAsync("/api/auth/token", new { username = "audit-op", password = "not-" + Password }))
            Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        using var op = Client(operatorToken);
        using (var r = await op.PostAsJsonAsync("/api/shipments", Booking("AUD-1"))) Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        using (var r = await op.PostAsJsonAsync("/api/users", new { username = "sneaky", password = Password, role = "admin" }))
            Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        using (var r = await Client(null).PostAsJsonAsync("/api/shipments", Booking("AUD-2"))) Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        using (var r = await op.PostAsJsonAsync("/api/shipments", new { id = "AUD-3", mode = "boat" })) Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var key = await TestAuth.CreateDeviceAsync(admin, "audit-tracker", "AUD-1");
        var route = await RouteAsync(admin, "AUD-1");
        using var tracker = new HttpClient { BaseAddress = new Uri(fx.Host.BaseUrl) };
        tracker.DefaultRequestHeaders.Add("X-Device-Key", key);
        for (int i = 0; i < 3; i++)
            using (var r = await tracker.PostAsJsonAsync("/api/telemetry", new[]
                   {
                       Reading("AUD-1", $"aud-{i}a", DateTimeOffset.UtcNow.AddMinutes(-10 + i), route[2].Lat, route[2].Lon),
                       Reading("AUD-1", $"aud-{i}b", DateTimeOffset.UtcNow.AddMinutes(-10 + i).AddSeconds(30), route[2].Lat, route[2].Lon),
                   }))
                Assert.Equal(HttpStatusCode.Accepted, r.StatusCode);

        // A line per write, written before the answer: no waiting needed.
        var items = await AuditAsync();
        var created = Single(items, "admin", "POST", "/api/users", 201);
        Assert.Equal("admin", created.GetProperty("role").GetString());
        Assert.Equal("audit-op", created.GetProperty("objectId").GetString());
        Assert.InRange(created.GetProperty("at").GetDateTimeOffset(), started, DateTimeOffset.UtcNow.AddSeconds(1));
        var booked = Single(items, "audit-op", "POST", "/api/shipments", 201);
        Assert.Equal("operator", booked.GetProperty("role").GetString());
        Assert.Equal("AUD-1", booked.GetProperty("objectId").GetString());
        Assert.Contains("CNSHA", booked.GetProperty("summary").GetString());
        Single(items, "audit-op", "POST", "/api/users", 403);
        Single(items, "anonymous", "POST", "/api/shipments", 401);
        Single(items, "audit-op", "POST", "/api/shipments", 400);
        Assert.Equal("signed in", Single(items, "audit-op", "POST", "/api/auth/token", 200).GetProperty("summary").GetString());
        Assert.Contains("refused", Single(items, "audit-op", "POST", "/api/auth/token", 401).GetProperty("summary").GetString());
        Assert.Single(items, e => e.GetProperty("path").GetString() == "/api/devices" && e.GetProperty("objectId").GetString() == "audit-tracker"
                                  && e.GetProperty("actor").GetString() == "admin" && e.GetProperty("status").GetInt32() == 201);
        Single(items, "admin", "PUT", "/api/devices/audit-tracker/shipments/AUD-1", 200);

        // Never a password or a key, whatever the request carried.
        var raw = await admin.GetStringAsync("/api/audit?limit=1000");
        Assert.DoesNotContain(Password, raw);
        Assert.DoesNotContain(key[(key.LastIndexOf('.') + 1)..], raw);

        // Filters: one user's lines only; a window; a page size.
        var own = await AuditAsync("&user=audit-op");
        Assert.NotEmpty(own);
        Assert.All(own, e => Assert.Equal("audit-op", e.GetProperty("actor").GetString()));
        Assert.Empty(await AuditAsync($"&to={Uri.EscapeDataString(started.AddMinutes(-5).ToString("O"))}"));
        var two = await fx.Host.Http.GetFromJsonAsync<JsonElement>("/api/audit?limit=2");
        var newest = two.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("at").GetDateTimeOffset()).ToArray();
        Assert.Equal(2, newest.Length);
        Assert.True(newest[0] >= newest[1], "newest first");

        // Telemetry is summarised per tracker and minute, written when the minute is over or at shutdown: a graceful
        // restart writes it, and everything above is still there afterwards.
        await fx.RestartAsync(crash: false);
        var after = await AuditAsync();
        static string[] Writes(IEnumerable<JsonElement> lines, DateTimeOffset upTo) => lines
            .Where(e => e.GetProperty("path").GetString() != "/api/telemetry" && e.GetProperty("at").GetDateTimeOffset() <= upTo)
            .Select(e => e.GetRawText()).Order(StringComparer.Ordinal).ToArray();
        var last = items.Max(e => e.GetProperty("at").GetDateTimeOffset());
        Assert.Equal(Writes(items, last), Writes(after, last));
        var telemetry = after.Where(e => e.GetProperty("actor").GetString() == "audit-tracker").ToArray();
        Assert.NotEmpty(telemetry);
        Assert.All(telemetry, e =>
        {
            Assert.Equal("tracker", e.GetProperty("actorKind").GetString());
            Assert.Equal(202, e.GetProperty("status").GetInt32());
        });
        Assert.Equal(3, telemetry.Sum(e => e.GetProperty("requests").GetInt32()));
        Assert.Equal(6, telemetry.Sum(e => e.GetProperty("readings").GetInt64()));
    }

    [Fact]
    public async Task Bad_queries_get_field_errors()
    {
        using var response = await fx.Host.Http.GetAsync("/api/audit?from=yesterday&to=2020-01-01&limit=0&user=%01");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "from", "to", "limit", "user" }) Assert.True(errors.TryGetProperty(field, out _), field);
    }
}
