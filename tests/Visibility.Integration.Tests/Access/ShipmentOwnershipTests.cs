using System.Net.Http.Headers;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace Visibility.Integration.Tests.Access;

/// <summary>
/// A shipment belongs to the supplier named when it was booked. That supplier's users read it, follow it live and post
/// its milestones; another supplier's users get exactly what a missing shipment gives, over HTTP and SignalR.
/// Uses <see cref="AccessFixture"/>: SH-A ships for SUP-A, SH-B for SUP-B, SH-1 for nobody; user "supa" is SUP-A's.
/// Tests that change shipments book their own, so they do not depend on each other's order.
/// </summary>
[Collection("host")]
public sealed class ShipmentOwnershipTests(AccessFixture fx) : IClassFixture<AccessFixture>
{
    private HttpClient Supplier => Client(fx.Tokens["supplier"]);

    [Fact]
    public async Task A_supplier_reads_its_own_shipment_and_another_suppliers_answers_like_a_missing_one()
    {
        using var http = Supplier;
        var own = await http.GetFromJsonAsync<JsonElement>("/api/shipments/SH-A");
        Assert.Equal("SUP-A", own.GetProperty("supplierId").GetString());
        Assert.Equal(JsonValueKind.Null, (await fx.Host.Http.GetFromJsonAsync<JsonElement>("/api/shipments/SH-1")).GetProperty("supplierId").ValueKind);
        foreach (var suffix in new[] { "", "/track", "/route" })
            using (var r = await http.GetAsync($"/api/shipments/SH-A{suffix}")) Assert.Equal(HttpStatusCode.OK, r.StatusCode);

        foreach (var suffix in new[] { "", "/track", "/route" })
        {
            var other = await ProblemAsync(await http.GetAsync($"/api/shipments/SH-B{suffix}"));
            var missing = await ProblemAsync(await http.GetAsync($"/api/shipments/NO-SUCH{suffix}"));
            var unowned = await ProblemAsync(await http.GetAsync($"/api/shipments/SH-1{suffix}"));
            Assert.Equal(missing.Replace("NO-SUCH", "SH-B"), other);
            Assert.Equal(missing.Replace("NO-SUCH", "SH-1"), unowned);
        }
    }

    [Fact]
    public async Task A_supplier_posts_milestones_for_its_own_shipment_only()
    {
        await BookAsync("MS-A", "SUP-A");
        await BookAsync("MS-B", "SUP-B");
        using var http = Supplier;
        var milestone = new { code = "gate-in", at = DateTimeOffset.UtcNow.AddMinutes(-5), locode = "CNSHA", note = "posted by SUP-A" };
        using (var own = await http.PostAsJsonAsync("/api/shipments/MS-A/milestones", milestone))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            var view = await own.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains(view.GetProperty("milestones").EnumerateArray(), m => m.GetProperty("note").GetString() == "posted by SUP-A");
        }

        var other = await ProblemAsync(await http.PostAsJsonAsync("/api/shipments/MS-B/milestones", milestone));
        var missing = await ProblemAsync(await http.PostAsJsonAsync("/api/shipments/NO-SUCH/milestones", milestone));
        Assert.Equal(missing.Replace("NO-SUCH", "MS-B"), other);
        var b = await fx.Host.Http.GetFromJsonAsync<JsonElement>("/api/shipments/MS-B");
        Assert.Empty(b.GetProperty("milestones").EnumerateArray());

        // A bad body is a 400 whoever's the shipment is: the answer says nothing about whether it exists.
        using var bad = await http.PostAsJsonAsync("/api/shipments/MS-B/milestones", new { code = "teleported", at = DateTimeOffset.UtcNow });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task A_suppliers_list_holds_only_its_own_shipments_with_paging_and_filters_counting_only_those()
    {
        using var supb = await SupplierUserAsync("supb-list", "SUP-B");
        using var http = Supplier;
        var a = await EventuallyListAsync(http, "SH-A");
        Assert.All(a.GetProperty("items").EnumerateArray(), s => Assert.Equal("SUP-A", s.GetProperty("supplierId").GetString()));
        int total = a.GetProperty("total").GetInt32();
        Assert.Equal(total, Ids(a).Length);
        Assert.DoesNotContain("SH-B", Ids(a));
        Assert.DoesNotContain("SH-1", Ids(a));
        var b = await EventuallyListAsync(supb, "SH-B");
        Assert.All(b.GetProperty("items").EnumerateArray(), s => Assert.Equal("SUP-B", s.GetProperty("supplierId").GetString()));

        // Paging and filters count the supplier's own shipments only.
        var first = await http.GetFromJsonAsync<JsonElement>("/api/shipments?status=planned&limit=1");
        Assert.Equal((total, 1), (first.GetProperty("total").GetInt32(), Ids(first).Length));
        var beyond = await http.GetFromJsonAsync<JsonElement>($"/api/shipments?offset={total}");
        Assert.Equal((total, 0), (beyond.GetProperty("total").GetInt32(), Ids(beyond).Length));
        var arrived = await http.GetFromJsonAsync<JsonElement>("/api/shipments?status=arrived");
        Assert.Equal(0, arrived.GetProperty("total").GetInt32());
        // The operator still sees every shipment.
        var all = await fx.Host.Http.GetFromJsonAsync<JsonElement>("/api/shipments?limit=500");
        Assert.Superset(new HashSet<string> { "SH-1", "SH-A", "SH-B" }, Ids(all).ToHashSet());
    }

    [Fact]
    public async Task Booking_with_an_unknown_supplier_is_refused_field_by_field_and_creates_nothing()
    {
        var unknown = await ProblemJsonAsync(await fx.Host.Http.PostAsJsonAsync("/api/shipments", Matrix.Booking("SH-X", "SUP-NOBODY")), HttpStatusCode.BadRequest);
        Assert.Equal(["unknown supplier 'SUP-NOBODY'"], unknown.GetProperty("errors").GetProperty("supplierId").EnumerateArray().Select(e => e.GetString()).ToArray());
        using (var r = await fx.Host.Http.GetAsync("/api/shipments/SH-X")) Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);

        // Reported with the other fields' errors; a malformed id is refused before any lookup.
        var both = await ProblemJsonAsync(await fx.Host.Http.PostAsJsonAsync("/api/shipments", new
        {
            id = "SH-Y", mode = "sail", origin = "CNSHA", destination = "USLAX", plannedDeparture = "2026-11-01T00:00:00Z", supplierId = " SUP-A",
        }), HttpStatusCode.BadRequest);
        var errors = both.GetProperty("errors");
        Assert.True(errors.TryGetProperty("mode", out _));
        Assert.Contains("white space", errors.GetProperty("supplierId")[0].GetString());
        using (var r = await fx.Host.Http.GetAsync("/api/shipments/SH-Y")) Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);

        // The shipper is part of the booking: the same id for another supplier is a conflict, not a silent re-assignment.
        using var conflict = await fx.Host.Http.PostAsJsonAsync("/api/shipments", Matrix.Booking("SH-A", "SUP-B"));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        using var again = await fx.Host.Http.PostAsJsonAsync("/api/shipments", Matrix.Booking("SH-A", "SUP-A"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("SUP-A", (await fx.Host.Http.GetFromJsonAsync<JsonElement>("/api/shipments/SH-A")).GetProperty("supplierId").GetString());
    }

    [Fact]
    public async Task A_supplier_watches_its_own_shipment_live_and_another_suppliers_gives_what_a_missing_one_gives()
    {
        await BookAsync("LIVE-A", "SUP-A");
        await BookAsync("LIVE-B", "SUP-B");
        await using var hub = fx.Host.Hub(fx.Tokens["supplier"]);
        var pushes = Channel.CreateUnbounded<JsonElement>();
        hub.On<JsonElement>("shipment", v => pushes.Writer.TryWrite(v));
        await hub.StartAsync();

        var own = await hub.InvokeAsync<JsonElement>("WatchShipment", "LIVE-A");
        Assert.Equal("LIVE-A", own.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, (await hub.InvokeAsync<JsonElement>("WatchShipment", "NO-SUCH")).ValueKind);
        Assert.Equal(JsonValueKind.Null, (await hub.InvokeAsync<JsonElement>("WatchShipment", "LIVE-B")).ValueKind);
        // An operator watching LIVE-B (so it is pushed to someone) must not open it to the supplier's connection.
        await using var operatorHub = fx.Host.Hub(fx.Tokens["operator"]);
        await operatorHub.StartAsync();
        Assert.Equal("LIVE-B", (await operatorHub.InvokeAsync<JsonElement>("WatchShipment", "LIVE-B")).GetProperty("id").GetString());

        // LIVE-B changes first, then LIVE-A: a push for LIVE-B would reach this connection before LIVE-A's.
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);
        await PostMilestoneAsync("LIVE-B", "loaded", at);
        await PostMilestoneAsync("LIVE-A", "loaded", at);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        JsonElement pushed;
        do
        {
            pushed = await pushes.Reader.ReadAsync(timeout.Token);
            Assert.Equal("LIVE-A", pushed.GetProperty("id").GetString());
        }
        while (!pushed.GetProperty("milestones").EnumerateArray().Any(m => m.GetProperty("code").GetString() == "loaded"));
        Assert.False(pushes.Reader.TryRead(out var extra), $"unexpected push {extra}");
    }

    private async Task BookAsync(string id, string supplierId)
    {
        using var r = await fx.Host.Http.PostAsJsonAsync("/api/shipments", Matrix.Booking(id, supplierId));
        Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"book {id}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
    }

    private async Task PostMilestoneAsync(string id, string code, DateTimeOffset at)
    {
        using var r = await fx.Host.Http.PostAsJsonAsync($"/api/shipments/{id}/milestones", new { code, at });
        Assert.True(r.IsSuccessStatusCode, $"{id} {code}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
    }

    private async Task<HttpClient> SupplierUserAsync(string username, string supplierId)
    {
        using (var created = await fx.Host.Http.PostAsJsonAsync("/api/users", new { username, password = Matrix.Password, role = "supplier", supplierId }))
            Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"user {username}: {(int)created.StatusCode}");
        return Client(await TestAuth.TokenAsync(fx.Host.Http, username, Matrix.Password));
    }

    /// <summary>The whole list once it holds <paramref name="id"/>: new shipments reach it (it reads the live map picture) within a flush or two.</summary>
    private static async Task<JsonElement> EventuallyListAsync(HttpClient http, string id)
    {
        JsonElement page = default;
        for (int i = 0; i < 40; i++)
        {
            page = await http.GetFromJsonAsync<JsonElement>("/api/shipments?limit=500");
            if (Ids(page).Contains(id)) break;
            await Task.Delay(250);
        }
        Assert.Contains(id, Ids(page));
        return page;
    }

    private static string[] Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToArray();

    /// <summary>A 404's body with the request-specific trace id removed, to compare answers.</summary>
    private static async Task<string> ProblemAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
            body!.Remove("traceId");
            return body.ToJsonString();
        }
    }

    private static async Task<JsonElement> ProblemJsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode} {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    private HttpClient Client(string? token)
    {
        var client = new HttpClient { BaseAddress = new Uri(fx.Host.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
