using System.Net.Http.Headers;
using System.Reflection;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Visibility.Host.Live;

namespace Visibility.Integration.Tests.Access;

public sealed class AccessFixture : HostFixture
{
    // Without the demo network: every object below is made here, so "own" and "other" are known.
    protected override IDictionary<string, string> Settings => new Dictionary<string, string> { ["Demo:Seed"] = "false" };

    public Dictionary<string, string?> Tokens { get; } = [];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var admin = Host.Http;
        foreach (var (id, country, locode) in new[] { ("SUP-A", "CN", "CNSZX"), ("SUP-B", "VN", "VNSGN") })
            await Expect(admin.PostAsJsonAsync("/api/suppliers", new
            {
                id, name = "Supplier " + id, country,
                sites = new[] { new { id = "S1", name = "Main plant", locode, parts = new[] { new { partNumber = "P-1", factoryIds = new[] { "F-1" } } } } },
            }), HttpStatusCode.Created);
        await Expect(admin.PostAsJsonAsync("/api/factories", new { id = "F-1", name = "Plant", locode = "MXMTY" }), HttpStatusCode.Created);
        await Expect(admin.PutAsJsonAsync("/api/factories/F-1/parts/P-1", Matrix.Part), HttpStatusCode.OK);
        // SH-1 names no supplier; SH-A and SH-B are the two suppliers' own ("own" and "other" for the supplier user).
        await Expect(admin.PostAsJsonAsync("/api/shipments", Matrix.Booking("SH-1")), HttpStatusCode.Created);
        await Expect(admin.PostAsJsonAsync("/api/shipments", Matrix.Booking("SH-A", "SUP-A")), HttpStatusCode.Created);
        await Expect(admin.PostAsJsonAsync("/api/shipments", Matrix.Booking("SH-B", "SUP-B")), HttpStatusCode.Created);
        await Expect(admin.PostAsJsonAsync("/api/disruptions", Matrix.Congestion("D-MATRIX")), HttpStatusCode.Created);
        foreach (var (user, role, supplier) in new[] { ("op", "operator", (string?)null), ("mgr", "manager", null), ("supa", "supplier", "SUP-A") })
            await Expect(admin.PostAsJsonAsync("/api/users", new { username = user, password = Matrix.Password, role, supplierId = supplier }), HttpStatusCode.Created);
        Tokens["anonymous"] = null;
        Tokens["operator"] = await TestAuth.TokenAsync(admin, "op", Matrix.Password);
        Tokens["manager"] = await TestAuth.TokenAsync(admin, "mgr", Matrix.Password);
        Tokens["supplier"] = await TestAuth.TokenAsync(admin, "supa", Matrix.Password);
        Tokens["admin"] = Host.AdminToken;
    }

    private static async Task Expect(Task<HttpResponseMessage> call, HttpStatusCode status)
    {
        using var response = await call;
        Assert.True(response.StatusCode == status, $"setup: {response.RequestMessage?.RequestUri} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

/// <summary>The access rules, one row per endpoint: who gets what status for their own object and for another's.</summary>
internal static class Matrix
{
    public const string Password = "matrix-password-123";
    public static readonly object Part = new { hsCode = "8542.31", adu = 100, dltDays = 20, leadTimeFactor = 0.5, variabilityFactor = 0.5, moq = 100, orderCycleDays = 7, onHand = 500 };

    public static object Booking(string id, string? supplierId = null) => new
    {
        id, reference = "PO-" + id, mode = "ocean", origin = "CNSHA", destination = "USLAX",
        plannedDeparture = "2026-11-01T00:00:00Z", cargo = new[] { new { partNumber = "P-1", quantity = 10, factoryId = "F-1" } }, supplierId,
    };

    /// <summary>The shipment of a supplier in the fixture: SUP-A ships SH-A, SUP-B ships SH-B.</summary>
    public static string ShipmentOf(string supplierId) => "SH-" + supplierId[^1];
    public static object Congestion(string id) => new
    {
        id, type = "port-congestion", locode = "USLAX", delayDays = 1, expectedEnd = DateTimeOffset.UtcNow.AddDays(30).ToString("O"),
    };

    // Expected status per caller: anonymous, operator, manager, supplier (bound to SUP-A), admin.
    public sealed record Expect(int Anonymous, int Operator, int Manager, int Supplier, int Admin)
    {
        public int For(string role) => role switch
        {
            "anonymous" => Anonymous, "operator" => Operator, "manager" => Manager, "supplier" => Supplier, _ => Admin,
        };
    }

    /// <summary>A request for one caller; <paramref name="n"/> makes ids unique where a call creates something.</summary>
    /// <param name="Send">The HTTP method to call with, for endpoints that accept any ("*").</param>
    public sealed record Row(string Method, string Pattern, Func<string, int, (string Path, object? Body)> Request, Expect Expect, string? Send = null);

    private static readonly Expect Everyone = new(401, 200, 200, 200, 200);
    private static readonly Expect Buffers = new(401, 403, 200, 403, 200);
    private static readonly Expect FactoriesRead = new(401, 200, 200, 403, 200);
    private static readonly Expect AdminOnly = new(401, 403, 403, 403, 200);
    private static readonly Expect Devices = new(401, 200, 403, 403, 200);
    private static readonly Expect Disruptions = new(401, 200, 200, 403, 200);

    private static (string, object?) Get(string path) => (path, null);

    public static readonly Row[] Rows =
    [
        new("GET", "/api/auth/demo-users", (_, _) => Get("/api/auth/demo-users"), new(200, 200, 200, 200, 200)),
        new("POST", "/api/auth/token", (_, _) => ("/api/auth/token", new { username = "op", password = Password }), new(200, 200, 200, 200, 200)),
        new("GET", "/api/auth/me", (_, _) => Get("/api/auth/me"), Everyone),
        // The browsable API reference (Scalar) is public, like the OpenAPI document it renders.
        new("GET", "/api/reference/{documentName?}", (_, _) => Get("/api/reference/"), new(200, 200, 200, 200, 200)),
        new("GET", "/api/reference/scalar.js", (_, _) => Get("/api/reference/scalar.js"), new(200, 200, 200, 200, 200)),
        new("GET", "/api/reference/scalar.aspnetcore.js", (_, _) => Get("/api/reference/scalar.aspnetcore.js"), new(200, 200, 200, 200, 200)),
        new("GET", "/api/reference/favicon.svg", (_, _) => Get("/api/reference/favicon.svg"), new(200, 200, 200, 200, 200)),
        new("GET", "/api/locations", (_, _) => Get("/api/locations?q=shang"), Everyone),
        new("GET", "/api/locations/{locode}", (_, _) => Get("/api/locations/CNSHA"), Everyone),
        new("GET", "/api/routes/sea", (_, _) => Get("/api/routes/sea?from=CNSHA&to=USLAX"), Everyone),
        new("GET", "/api/routes/chokepoints", (_, _) => Get("/api/routes/chokepoints"), Everyone),
        new("GET", "/api/map/lanes", (_, _) => Get("/api/map/lanes"), Everyone),
        new("GET", "/api/tariffs/section301/{hts}", (_, _) => Get("/api/tariffs/section301/8542.31?origin=CN&date=2019-12-01"), Everyone),
        new("POST", "/api/shipments", (_, _) => ("/api/shipments", Booking("SH-1")), new(401, 200, 403, 403, 200)),
        new("GET", "/api/shipments", (_, _) => Get("/api/shipments"), Everyone),
        // Shipment rows run for SH-A (the supplier's own) and SH-B (another supplier's: 404 for the supplier, see Targets).
        new("GET", "/api/shipments/{id}", (t, _) => Get($"/api/shipments/{ShipmentOf(t)}"), Everyone),
        new("GET", "/api/shipments/{id}/track", (t, _) => Get($"/api/shipments/{ShipmentOf(t)}/track"), Everyone),
        new("GET", "/api/shipments/{id}/route", (t, _) => Get($"/api/shipments/{ShipmentOf(t)}/route"), Everyone),
        new("POST", "/api/shipments/{id}/milestones", (t, _) => ($"/api/shipments/{ShipmentOf(t)}/milestones", new { code = "booked", at = "2026-10-30T00:00:00Z" }),
            new(401, 200, 403, 200, 200)),
        // Trackers authenticate by key, not by a user's token: without X-Device-Key every caller is refused.
        new("POST", "/api/telemetry", (_, _) => ("/api/telemetry", Array.Empty<object>()), new(401, 401, 401, 401, 401)),
        new("POST", "/api/suppliers", (_, _) => ("/api/suppliers", new
        {
            id = "SUP-A", name = "Supplier SUP-A", country = "CN",
            sites = new[] { new { id = "S1", name = "Main plant", locode = "CNSZX", parts = new[] { new { partNumber = "P-1", factoryIds = new[] { "F-1" } } } } },
        }), new(401, 403, 200, 403, 200)),
        new("GET", "/api/suppliers", (_, _) => Get("/api/suppliers"), Everyone),
        new("GET", "/api/suppliers/{id}", (t, _) => Get($"/api/suppliers/{t}"), Everyone),
        new("POST", "/api/suppliers/{id}/status", (t, _) => ($"/api/suppliers/{t}/status", new { status = "operating", capacityPct = 100 }), new(401, 403, 403, 200, 200)),
        new("GET", "/api/suppliers/{id}/status-history", (t, _) => Get($"/api/suppliers/{t}/status-history"), Everyone),
        new("POST", "/api/factories", (_, _) => ("/api/factories", new { id = "F-1", name = "Plant", locode = "MXMTY" }), Buffers),
        new("GET", "/api/factories", (_, _) => Get("/api/factories"), FactoriesRead),
        new("GET", "/api/factories/{id}", (_, _) => Get("/api/factories/F-1"), FactoriesRead),
        new("PUT", "/api/factories/{id}/parts/{partNumber}", (_, _) => ("/api/factories/F-1/parts/P-1", Part), Buffers),
        new("POST", "/api/factories/{id}/consumption", (_, _) => ("/api/factories/F-1/consumption", new[] { new { partNumber = "P-1", date = "2026-11-01", quantity = 90 } }), Buffers),
        new("POST", "/api/factories/{id}/demand", (_, n) => ("/api/factories/F-1/demand", new[] { new { orderId = $"SO-{n}", partNumber = "P-1", quantity = 5, dueDate = "2026-12-01" } }), Buffers),
        new("GET", "/api/factories/{id}/demand", (_, _) => Get("/api/factories/F-1/demand"), Buffers),
        new("DELETE", "/api/factories/{id}/demand/{orderId}", (_, _) => ("/api/factories/F-1/demand/no-such-order", null), new(401, 403, 404, 403, 404)),
        new("GET", "/api/factories/{id}/buffers", (_, _) => Get("/api/factories/F-1/buffers"), Buffers),
        new("GET", "/api/factories/{id}/buffers/{partNumber}", (_, _) => Get("/api/factories/F-1/buffers/P-1"), Buffers),
        new("GET", "/api/buffers", (_, _) => Get("/api/buffers"), Buffers),
        new("GET", "/api/audit", (_, _) => Get("/api/audit?limit=5"), AdminOnly),
        new("GET", "/api/factories/{id}/sourcing", (_, _) => Get("/api/factories/F-1/sourcing"), Buffers),
        new("PUT", "/api/factories/{id}/parts/{partNumber}/sourcing", (_, _) => ("/api/factories/F-1/parts/P-1/sourcing", new { shares = new[] { new { country = "CN", sharePct = 100 } } }), Buffers),
        new("POST", "/api/scenarios/rebalance", (_, _) => ("/api/scenarios/rebalance", new { partNumber = "P-1", factoryId = "F-1", moves = new[] { new { fromCountry = "CN", toCountry = "VN", sharePct = 50 } } }), Buffers),
        new("POST", "/api/scenarios", (_, n) => ("/api/scenarios", new { name = $"matrix {n}", request = new { factoryId = "F-1", moves = new[] { new { fromCountry = "CN", toCountry = "VN", sharePct = 50 } } } }), new(401, 403, 201, 403, 201)),
        new("GET", "/api/scenarios", (_, _) => Get("/api/scenarios"), Buffers),
        new("GET", "/api/scenarios/{id}", (_, _) => Get("/api/scenarios/no-such-scenario"), new(401, 403, 404, 403, 404)),
        new("POST", "/api/disruptions", (_, n) => ("/api/disruptions", Congestion($"D-MATRIX-{n}")), new(401, 201, 201, 403, 201)),
        new("GET", "/api/disruptions", (_, _) => Get("/api/disruptions"), Disruptions),
        new("GET", "/api/disruptions/{id}", (_, _) => Get("/api/disruptions/D-MATRIX"), Disruptions),
        // Resolving twice is no error: the second call answers with the resolved disruption.
        new("POST", "/api/disruptions/{id}/resolve", (_, _) => ("/api/disruptions/D-MATRIX/resolve", null), Disruptions),
        new("GET", "/api/disruptions/{id}/impact", (_, _) => Get("/api/disruptions/D-MATRIX/impact"), Disruptions),
        new("POST", "/api/disruptions/import/usgs", (_, _) => ("/api/disruptions/import/usgs", new { type = "FeatureCollection", features = Array.Empty<object>() }), Disruptions),
        new("GET", "/api/diagnostics/memory", (_, _) => Get("/api/diagnostics/memory"), AdminOnly),
        new("GET", "/api/diagnostics/endpoints", (_, _) => Get("/api/diagnostics/endpoints"), AdminOnly),
        new("POST", "/api/diagnostics/gc", (_, _) => ("/api/diagnostics/gc", null), new(401, 403, 403, 403, 404)), // 404: disabled here
        new("POST", "/api/users", (_, n) => ("/api/users", new { username = $"new-user-{n}", password = Password, role = "operator" }), new(401, 403, 403, 403, 201)),
        new("GET", "/api/users", (_, _) => Get("/api/users"), AdminOnly),
        new("POST", "/api/users/{username}/disable", (_, _) => ("/api/users/nobody-here/disable", null), new(401, 403, 403, 403, 404)),
        new("POST", "/api/users/{username}/enable", (_, _) => ("/api/users/nobody-here/enable", null), new(401, 403, 403, 403, 404)),
        new("POST", "/api/devices", (_, n) => ("/api/devices", new { id = $"matrix-device-{n}" }), new(401, 201, 403, 403, 201)),
        new("GET", "/api/devices", (_, _) => Get("/api/devices"), Devices),
        new("GET", "/api/devices/{id}", (_, _) => Get("/api/devices/nobody-here"), new(401, 404, 403, 403, 404)),
        new("POST", "/api/devices/{id}/revoke", (_, _) => ("/api/devices/nobody-here/revoke", null), new(401, 404, 403, 403, 404)),
        new("PUT", "/api/devices/{id}/shipments/{shipmentId}", (_, _) => ("/api/devices/nobody-here/shipments/SH-1", null), new(401, 404, 403, 403, 404)),
        new("DELETE", "/api/devices/{id}/shipments/{shipmentId}", (_, _) => ("/api/devices/nobody-here/shipments/SH-1", null), new(401, 404, 403, 403, 404)),
        // The hub's HTTP endpoints: signing in is what is checked here; its methods have their own matrix below.
        new("*", "/hubs/live/negotiate", (_, _) => ("/hubs/live/negotiate?negotiateVersion=1", null), Everyone, Send: "POST"),
        new("*", "/hubs/live", (_, _) => Get("/hubs/live"), new(401, 400, 400, 400, 400), Send: "GET"),
    ];

    /// <summary>Hub methods and the roles that may call them (the others get a HubException).</summary>
    public static readonly Dictionary<string, string[]> HubMethods = new()
    {
        ["SubscribeMap"] = ["operator", "manager", "admin"],
        ["UnsubscribeMap"] = ["operator", "manager", "supplier", "admin"],
        ["SubscribeBoard"] = ["manager", "admin"],
        ["UnsubscribeBoard"] = ["operator", "manager", "supplier", "admin"],
        ["SubscribeSuppliers"] = ["operator", "manager", "admin"],
        ["UnsubscribeSuppliers"] = ["operator", "manager", "supplier", "admin"],
        ["WatchShipment"] = ["operator", "manager", "supplier", "admin"],
        ["UnwatchShipment"] = ["operator", "manager", "supplier", "admin"],
        ["SubscribeDisruptions"] = ["operator", "manager", "admin"],
        ["UnsubscribeDisruptions"] = ["operator", "manager", "supplier", "admin"],
    };
}

/// <summary>
/// Every endpoint and hub method × role × own/other object, asserting the exact status. The host lists its endpoints
/// (GET /api/diagnostics/endpoints) and the hub's methods are read by reflection: one without a row here fails the test.
/// </summary>
[Collection("host")]
public sealed class AuthorizationMatrixTests(AccessFixture fx) : IClassFixture<AccessFixture>
{
    private static readonly string[] Callers = ["anonymous", "operator", "manager", "supplier", "admin"];
    private static int _n;

    [Fact]
    public async Task Every_endpoint_has_a_row_in_the_matrix()
    {
        var listed = (await fx.Host.Http.GetFromJsonAsync<JsonElement>("/api/diagnostics/endpoints")).EnumerateArray()
            .Select(e => $"{e.GetProperty("method").GetString()} {e.GetProperty("pattern").GetString()}").ToHashSet();
        var rows = Matrix.Rows.Select(r => $"{r.Method} {r.Pattern}").ToHashSet();
        Assert.Empty(listed.Except(rows));   // a new endpoint needs its access row here
        Assert.Empty(rows.Except(listed));   // a row for an endpoint that no longer exists
    }

    [Fact]
    public async Task Every_endpoint_answers_each_role_with_the_expected_status()
    {
        var failures = new List<string>();
        foreach (var row in Matrix.Rows)
            foreach (var caller in Callers)
            {
                // "Own" object for the supplier is SUP-A (and its shipment SH-A); "other" is SUP-B (SH-B), which must look like a missing one (404).
                foreach (var (target, expected) in Targets(row, caller))
                {
                    var (path, body) = row.Request(target, Interlocked.Increment(ref _n));
                    int status = await SendAsync(row.Send ?? row.Method, path, body, fx.Tokens[caller]);
                    if (status != expected) failures.Add($"{row.Method} {path} as {caller}: expected {expected}, got {status}");
                }
            }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static IEnumerable<(string Target, int Expected)> Targets(Matrix.Row row, string caller)
    {
        int expected = row.Expect.For(caller);
        yield return ("SUP-A", expected);
        if (row.Pattern.StartsWith("/api/suppliers/{id}", StringComparison.Ordinal) || row.Pattern.StartsWith("/api/shipments/{id}", StringComparison.Ordinal))
            yield return ("SUP-B", caller == "supplier" ? 404 : expected);
    }

    [Fact]
    public async Task A_supplier_lists_only_itself()
    {
        using var client = Client(fx.Tokens["supplier"]);
        var listed = await client.GetFromJsonAsync<JsonElement>("/api/suppliers");
        Assert.Equal(["SUP-A"], listed.EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToArray());
        // Its own shipment only (SH-1 names no supplier, SH-B another); it reaches the list within a flush or two.
        string[] shipments = [];
        for (int i = 0; i < 40 && shipments.Length == 0; i++, await Task.Delay(250))
            shipments = (await client.GetFromJsonAsync<JsonElement>("/api/shipments")).GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToArray();
        Assert.Equal(["SH-A"], shipments);
    }

    [Fact]
    public async Task Every_hub_method_is_ruled_and_refuses_the_roles_it_does_not_serve()
    {
        var declared = typeof(LiveHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.DeclaringType == typeof(LiveHub) && m.Name is not nameof(Hub.OnDisconnectedAsync) and not nameof(Hub.OnConnectedAsync))
            .Select(m => m.Name).ToHashSet();
        Assert.Equal(Matrix.HubMethods.Keys.Order(), declared.Order());

        var failures = new List<string>();
        foreach (var caller in Callers.Where(c => c != "anonymous"))
        {
            await using var hub = new HubConnectionBuilder()
                .WithUrl(fx.Host.BaseUrl + "/hubs/live", o => o.AccessTokenProvider = () => Task.FromResult(fx.Tokens[caller]))
                .Build();
            await hub.StartAsync();
            foreach (var (method, roles) in Matrix.HubMethods)
            {
                object?[] args = method.Contains("Shipment") ? ["SH-A"] : [];
                bool allowed;
                try { await hub.InvokeCoreAsync(method, typeof(object), args); allowed = true; }
                catch (HubException) { allowed = false; }
                if (allowed != roles.Contains(caller)) failures.Add($"{method} as {caller}: {(allowed ? "allowed" : "refused")}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // Without a token the hub does not even connect.
        await using var anonymous = new HubConnectionBuilder().WithUrl(fx.Host.BaseUrl + "/hubs/live").Build();
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private async Task<int> SendAsync(string method, string path, object? body, string? token)
    {
        using var client = Client(token);
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body == null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        return (int)response.StatusCode;
    }

    private HttpClient Client(string? token)
    {
        var client = new HttpClient { BaseAddress = new Uri(fx.Host.BaseUrl) };
        if (token != null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
