using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using static Visibility.Integration.Tests.Shipments.ShipmentApi;

namespace Visibility.Integration.Tests.Inventory;

public sealed class BufferFlowFixture : HostFixture
{
    // No demo network: these tests build their own factory so every number is known.
    protected override IDictionary<string, string> Settings => new Dictionary<string, string> { ["Demo:Seed"] = "false" };
}

/// <summary>Factories, buffers, suppliers and milestones against the real host: the DDMRP picture moves with shipments.</summary>
[Collection("host")]
public sealed class BufferFlowTests(BufferFlowFixture fx) : IClassFixture<BufferFlowFixture>
{
    private HttpClient Http => fx.Host.Http;

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body == null ? null : JsonContent.Create(body) };
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static object Part(double onHand, double adu = 1000) => new
    {
        hsCode = "8542.31", adu, dltDays = 20, leadTimeFactor = 0.5, variabilityFactor = 0.5, moq = 1000, orderCycleDays = 7, onHand,
    };

    private async Task FactoryWithPartAsync(string factoryId, string part, double onHand)
    {
        await SendAsync(HttpMethod.Post, "/api/factories", new { id = factoryId, name = "Test plant " + factoryId, locode = "MXMTY" }, HttpStatusCode.Created);
        await SendAsync(HttpMethod.Put, $"/api/factories/{factoryId}/parts/{part}", Part(onHand), HttpStatusCode.OK);
    }

    private static object Booking(string id, string factoryId, string part, long quantity, DateTimeOffset departure, DateTimeOffset arrival) => new
    {
        id, reference = "PO-" + id, mode = "ocean", origin = "CNSHA", destination = "MXZLO",
        plannedDeparture = departure.ToString("O"), plannedArrival = arrival.ToString("O"),
        cargo = new[] { new { partNumber = part, quantity, factoryId } },
    };

    private async Task<JsonElement> BufferAsync(string factoryId, string part) =>
        await Http.GetFromJsonAsync<JsonElement>($"/api/factories/{factoryId}/buffers/{part}");

    [Fact]
    public async Task Buffer_follows_the_ddmrp_formulas_and_counts_inbound_shipments_as_on_order()
    {
        await FactoryWithPartAsync("BF-1", "IC-A", onHand: 1200);
        var today = DateTimeOffset.UtcNow.Date;
        await CreateAsync(Http, Booking("BF-SHIP-1", "BF-1", "IC-A", 1000, new DateTimeOffset(today.AddDays(-10), TimeSpan.Zero), new DateTimeOffset(today.AddDays(10), TimeSpan.Zero)));

        var b = (await BufferAsync("BF-1", "IC-A")).GetProperty("buffer");
        // ADU 1000, DLT 20, LTF 0.5, VF 0.5, MOQ 1000, OC 7: yellow 20,000; red 10,000 + 5,000; green max(1,000, 7,000, 10,000).
        Assert.Equal(15_000, b.GetProperty("topOfRed").GetDouble());
        Assert.Equal(35_000, b.GetProperty("topOfYellow").GetDouble());
        Assert.Equal(45_000, b.GetProperty("topOfGreen").GetDouble());
        Assert.Equal(1_000, b.GetProperty("onOrder").GetDouble());
        Assert.Equal(2_200, b.GetProperty("netFlow").GetDouble());
        Assert.Equal("red", b.GetProperty("zone").GetString());
        Assert.Equal(42_800, b.GetProperty("suggestedOrderQty").GetDouble());
        Assert.Equal("BF-SHIP-1", b.GetProperty("inbound")[0].GetProperty("shipmentId").GetString());
    }

    [Fact]
    public async Task A_delayed_shipment_moves_the_projected_stockout_and_a_board_subscriber_sees_it()
    {
        // 5 days of stock, and a shipment that would arrive on day 3 and lasts 10 more days.
        await FactoryWithPartAsync("BF-2", "IC-B", onHand: 5_000);
        var now = DateTimeOffset.UtcNow;
        var booking = Booking("BF-SHIP-2", "BF-2", "IC-B", 10_000, now.AddDays(-20), now.AddDays(3));
        await CreateAsync(Http, booking);
        var before = (await BufferAsync("BF-2", "IC-B")).GetProperty("buffer").GetProperty("projectedStockout").GetString();
        // The board learns of a new buffer within a notifier flush: wait for it before taking the snapshot.
        for (int i = 0; i < 40 && (await Http.GetFromJsonAsync<JsonElement>("/api/buffers?factory=BF-2")).GetArrayLength() == 0; i++) await Task.Delay(100);

        await using var hub = fx.Host.Hub();
        var deltas = Channel.CreateUnbounded<JsonElement>();
        hub.On<JsonElement>("boardDelta", d => deltas.Writer.TryWrite(d));
        await hub.StartAsync();
        var snapshot = await hub.InvokeAsync<JsonElement>("SubscribeBoard");
        Assert.Contains(snapshot.GetProperty("rows").EnumerateArray(), r => r.GetProperty("factoryId").GetString() == "BF-2");

        // The ship reports itself stopped far out at sea: its ETA slides weeks out, and the stock-out comes sooner.
        var path = await RouteAsync(Http, "BF-SHIP-2");
        var p = path[path.Length / 4];
        await PostTelemetryAsync(Http, [Reading("BF-SHIP-2", "slow-1", now.AddMinutes(-1), p.Lat, p.Lon, speedKnots: 0.1)]);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        string? pushed = null;
        while (pushed == null || pushed == before)
        {
            var delta = await deltas.Reader.ReadAsync(timeout.Token);
            foreach (var row in delta.GetProperty("rows").EnumerateArray())
                if (row.GetProperty("factoryId").GetString() == "BF-2") pushed = row.GetProperty("projectedStockout").GetString();
        }
        var after = (await BufferAsync("BF-2", "IC-B")).GetProperty("buffer").GetProperty("projectedStockout").GetString();
        Assert.Equal(pushed, after);
        Assert.True(DateOnly.Parse(after!) < DateOnly.Parse(before!), $"stock-out moved from {before} to {after}");
    }

    [Fact]
    public async Task A_delivery_moves_quantity_from_on_order_to_on_hand_exactly_once()
    {
        await FactoryWithPartAsync("BF-3", "IC-C", onHand: 2_000);
        var now = DateTimeOffset.UtcNow;
        await CreateAsync(Http, Booking("BF-SHIP-3", "BF-3", "IC-C", 7_000, now.AddDays(-20), now.AddDays(1)));
        Assert.Equal(7_000, (await BufferAsync("BF-3", "IC-C")).GetProperty("buffer").GetProperty("onOrder").GetDouble());

        var delivered = new { code = "delivered", at = now.AddMinutes(-5).ToString("O"), locode = "MXMTY" };
        var view = await SendAsync(HttpMethod.Post, "/api/shipments/BF-SHIP-3/milestones", delivered, HttpStatusCode.OK);
        Assert.Equal("delivered", view.GetProperty("status").GetString());
        await SendAsync(HttpMethod.Post, "/api/shipments/BF-SHIP-3/milestones", delivered, HttpStatusCode.OK); // the same report again

        var b = (await BufferAsync("BF-3", "IC-C")).GetProperty("buffer");
        Assert.Equal(9_000, b.GetProperty("onHand").GetDouble());
        Assert.Equal(0, b.GetProperty("onOrder").GetDouble());

        // A delivered shipment cannot depart again.
        await SendAsync(HttpMethod.Post, "/api/shipments/BF-SHIP-3/milestones", new { code = "departed", at = now.ToString("O") }, HttpStatusCode.Conflict);
        Assert.Equal(9_000, (await BufferAsync("BF-3", "IC-C")).GetProperty("buffer").GetProperty("onHand").GetDouble());
    }

    [Fact]
    public async Task Milestones_must_move_forward()
    {
        await CreateAsync(Http, Booking("BF-SHIP-4", "BF-NONE", "IC-D", 1, DateTimeOffset.UtcNow.AddDays(-5), DateTimeOffset.UtcNow.AddDays(20)));
        var t = DateTimeOffset.UtcNow.AddDays(-4);
        await SendAsync(HttpMethod.Post, "/api/shipments/BF-SHIP-4/milestones", new { code = "loaded", at = t.ToString("O") }, HttpStatusCode.OK);
        await SendAsync(HttpMethod.Post, "/api/shipments/BF-SHIP-4/milestones", new { code = "departed", at = t.AddHours(5).ToString("O") }, HttpStatusCode.OK);
        await SendAsync(HttpMethod.Post, "/api/shipments/BF-SHIP-4/milestones", new { code = "gate-in", at = t.AddHours(6).ToString("O") }, HttpStatusCode.Conflict);
        await SendAsync(HttpMethod.Post, "/api/shipments/BF-SHIP-4/milestones", new { code = "transshipment", at = t.AddHours(1).ToString("O") }, HttpStatusCode.Conflict);
        var problem = await SendAsync(HttpMethod.Post, "/api/shipments/BF-SHIP-4/milestones", new { code = "teleported", at = t.ToString("O") }, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("code", out _));
        var view = await GetAsync(Http, "BF-SHIP-4");
        Assert.Equal(["loaded", "departed"], view.GetProperty("milestones").EnumerateArray().Select(m => m.GetProperty("code").GetString()));
    }

    [Theory]
    [InlineData("{\"hsCode\":\"8542.31\",\"adu\":-5,\"dltDays\":20,\"leadTimeFactor\":0.5,\"variabilityFactor\":0.5,\"moq\":1000,\"orderCycleDays\":7,\"onHand\":10}", "adu")]
    [InlineData("{\"hsCode\":\"8542.31\",\"adu\":5,\"dltDays\":20,\"leadTimeFactor\":1.5,\"variabilityFactor\":0.5,\"moq\":1000,\"orderCycleDays\":7,\"onHand\":10}", "leadTimeFactor")]
    [InlineData("{\"hsCode\":\"8542.31\",\"adu\":5,\"dltDays\":20,\"leadTimeFactor\":0.5,\"variabilityFactor\":-0.1,\"moq\":1000,\"orderCycleDays\":7,\"onHand\":10}", "variabilityFactor")]
    [InlineData("{\"hsCode\":\"8542.31\",\"adu\":5,\"dltDays\":20,\"leadTimeFactor\":0.5,\"variabilityFactor\":0.5,\"moq\":1000,\"orderCycleDays\":7,\"onHand\":-10}", "onHand")]
    [InlineData("{\"hsCode\":\"ABC\",\"adu\":5,\"dltDays\":20,\"leadTimeFactor\":0.5,\"variabilityFactor\":0.5,\"moq\":1000,\"orderCycleDays\":7,\"onHand\":10}", "hsCode")]
    [InlineData("{\"hsCode\":\"8542.31\",\"dltDays\":20,\"leadTimeFactor\":0.5,\"variabilityFactor\":0.5,\"moq\":1000,\"orderCycleDays\":7}", "onHand")]
    [InlineData("{\"hsCode\":\"8542.31\",\"adu\":5,\"dltDays\":20,\"leadTimeFactor\":0.5,\"variabilityFactor\":0.5,\"moq\":1000,\"orderCycleDays\":7,\"onHand\":10,\"zone\":\"green\"}", "$.zone")]
    public async Task Bad_buffer_parameters_get_a_field_level_400_and_change_nothing(string json, string field)
    {
        using (var create = await Http.PostAsJsonAsync("/api/factories", new { id = "BF-BAD", name = "Bad inputs plant", locode = "MXMTY" }))
            Assert.True(create.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK); // the first case creates it
        await SendAsync(HttpMethod.Put, "/api/factories/BF-BAD/parts/IC-OK", Part(onHand: 500), HttpStatusCode.OK);
        using var response = await Http.PutAsync("/api/factories/BF-BAD/parts/IC-OK", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(field, problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(500, (await BufferAsync("BF-BAD", "IC-OK")).GetProperty("buffer").GetProperty("onHand").GetDouble());
    }

    [Fact]
    public async Task Consumption_for_an_unknown_part_or_negative_quantity_is_refused_whole()
    {
        await SendAsync(HttpMethod.Post, "/api/factories", new { id = "BF-USE", name = "Usage plant", locode = "MXMTY" }, HttpStatusCode.Created);
        await SendAsync(HttpMethod.Put, "/api/factories/BF-USE/parts/IC-U", new
        {
            hsCode = "854231", dltDays = 20, leadTimeFactor = 0.5, variabilityFactor = 0.5, moq = 0, orderCycleDays = 7, onHand = 100,
        }, HttpStatusCode.OK);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var problem = await SendAsync(HttpMethod.Post, "/api/factories/BF-USE/consumption", new object[]
        {
            new { partNumber = "IC-U", date = today.ToString("yyyy-MM-dd"), quantity = 280 },
            new { partNumber = "NOPE", date = today.ToString("yyyy-MM-dd"), quantity = 1 },
            new { partNumber = "IC-U", date = today.AddDays(-1).ToString("yyyy-MM-dd"), quantity = -3 },
        }, HttpStatusCode.BadRequest);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Contains("[1].partNumber", fields);
        Assert.Contains("[2].quantity", fields);
        Assert.Equal(0, (await BufferAsync("BF-USE", "IC-U")).GetProperty("buffer").GetProperty("adu").GetDouble());

        // Valid usage: ADU comes from the rolling window when no ADU is given.
        await SendAsync(HttpMethod.Post, "/api/factories/BF-USE/consumption", new object[]
        {
            new { partNumber = "IC-U", date = today.ToString("yyyy-MM-dd"), quantity = 280 },
        }, HttpStatusCode.OK);
        var b = (await BufferAsync("BF-USE", "IC-U")).GetProperty("buffer");
        Assert.Equal("usage", b.GetProperty("aduSource").GetString());
        Assert.True(b.GetProperty("adu").GetDouble() > 0);
    }

    [Fact]
    public async Task Supplier_status_is_kept_as_history_and_links_parts_to_the_board_by_country()
    {
        await FactoryWithPartAsync("BF-SUP", "IC-S", onHand: 10);
        await SendAsync(HttpMethod.Post, "/api/suppliers", new
        {
            id = "SUP-1", name = "Test Microchip", country = "CN",
            sites = new[] { new { id = "A", name = "Dongguan", locode = "CNDGG", parts = new[] { new { partNumber = "IC-S", factoryIds = new[] { "BF-SUP" } } } } },
        }, HttpStatusCode.Created);
        await SendAsync(HttpMethod.Post, "/api/suppliers/SUP-1/status", new { siteId = "A", status = "reduced", capacityPct = 60, note = "<script>alert(1)</script>" }, HttpStatusCode.OK);
        var view = await SendAsync(HttpMethod.Post, "/api/suppliers/SUP-1/status", new { status = "halted", capacityPct = 0 }, HttpStatusCode.OK);
        Assert.Equal("halted", view.GetProperty("sites")[0].GetProperty("status").GetString());
        var history = await Http.GetFromJsonAsync<JsonElement>("/api/suppliers/SUP-1/status-history");
        Assert.Equal(2, history.GetArrayLength());
        Assert.Equal("<script>alert(1)</script>", history[1].GetProperty("note").GetString()); // stored as text; the UI encodes it

        await SendAsync(HttpMethod.Post, "/api/suppliers/SUP-1/status", new { siteId = "Z", status = "halted", capacityPct = 0 }, HttpStatusCode.BadRequest);
        await SendAsync(HttpMethod.Post, "/api/suppliers/SUP-1/status", new { status = "melting", capacityPct = 0 }, HttpStatusCode.BadRequest);
        await SendAsync(HttpMethod.Post, "/api/suppliers/SUP-1/status", new { status = "halted", capacityPct = 140 }, HttpStatusCode.BadRequest);
        await SendAsync(HttpMethod.Post, "/api/suppliers/NOBODY/status", new { status = "halted", capacityPct = 0 }, HttpStatusCode.NotFound);
        Assert.Equal(2, (await Http.GetFromJsonAsync<JsonElement>("/api/suppliers/SUP-1/status-history")).GetArrayLength());

        // The board knows China supplies IC-S to BF-SUP (it is pushed there within a flush or two).
        bool inChina = false;
        for (int i = 0; i < 40 && !inChina; i++, await Task.Delay(250))
            inChina = (await Http.GetFromJsonAsync<JsonElement>("/api/buffers?country=CN")).EnumerateArray().Any(r => r.GetProperty("factoryId").GetString() == "BF-SUP");
        Assert.True(inChina);
        Assert.DoesNotContain((await Http.GetFromJsonAsync<JsonElement>("/api/buffers?country=VN")).EnumerateArray(), r => r.GetProperty("factoryId").GetString() == "BF-SUP");
    }

    [Fact]
    public async Task A_supplier_posting_halted_reaches_suppliers_subscribers_and_the_factory_board_row_live()
    {
        await FactoryWithPartAsync("BF-LIVE", "IC-L", onHand: 500);
        await SendAsync(HttpMethod.Post, "/api/suppliers", new
        {
            id = "SUP-LIVE", name = "Live Passives", country = "TW",
            sites = new[]
            {
                new { id = "K", name = "Kaohsiung", locode = "TWKHH", parts = new[] { new { partNumber = "IC-L", factoryIds = new[] { "BF-LIVE" } } } },
                new { id = "T", name = "Taichung", locode = "TWTXG", parts = new[] { new { partNumber = "IC-L", factoryIds = new[] { "BF-LIVE" } } } },
            },
        }, HttpStatusCode.Created);

        await using var hub = fx.Host.Hub();
        var supplierDeltas = Channel.CreateUnbounded<JsonElement>();
        var boardDeltas = Channel.CreateUnbounded<JsonElement>();
        hub.On<JsonElement>("suppliersDelta", d => supplierDeltas.Writer.TryWrite(d));
        hub.On<JsonElement>("boardDelta", d => boardDeltas.Writer.TryWrite(d));
        await hub.StartAsync();
        var snapshot = await hub.InvokeAsync<JsonElement>("SubscribeSuppliers");
        var listed = snapshot.GetProperty("suppliers").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "SUP-LIVE");
        Assert.All(listed.GetProperty("sites").EnumerateArray(), site => Assert.Equal("operating", site.GetProperty("status").GetString()));
        await hub.InvokeAsync<JsonElement>("SubscribeBoard");

        await SendAsync(HttpMethod.Post, "/api/suppliers/SUP-LIVE/status", new { siteId = "K", status = "halted", capacityPct = 0, note = "typhoon" }, HttpStatusCode.OK);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        JsonElement pushed = default;
        // The registration itself may still arrive as a delta (version 0): wait for the post.
        while (pushed.ValueKind == JsonValueKind.Undefined || pushed.GetProperty("version").GetInt64() < 1)
            foreach (var s in (await supplierDeltas.Reader.ReadAsync(timeout.Token)).GetProperty("suppliers").EnumerateArray())
                if (s.GetProperty("id").GetString() == "SUP-LIVE") pushed = s;
        var kaohsiung = pushed.GetProperty("sites").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "K");
        Assert.Equal("halted", kaohsiung.GetProperty("status").GetString());
        Assert.Equal("typhoon", kaohsiung.GetProperty("note").GetString());
        Assert.Equal("operating", pushed.GetProperty("sites").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "T").GetProperty("status").GetString());
        // The version grows with each post, and again when the outage the halt opened marks the site.
        Assert.True(pushed.GetProperty("version").GetInt64() >= 1);

        // The factory's row names both sources and takes the worst status as its own.
        JsonElement row = default;
        while (row.ValueKind == JsonValueKind.Undefined || row.GetProperty("supplyStatus").GetString() != "halted")
            foreach (var r in (await boardDeltas.Reader.ReadAsync(timeout.Token)).GetProperty("rows").EnumerateArray())
                if (r.GetProperty("factoryId").GetString() == "BF-LIVE") row = r;
        var sources = row.GetProperty("supply").EnumerateArray().ToArray();
        Assert.Equal(["K", "T"], sources.Select(s => s.GetProperty("siteId").GetString()).Order().ToArray());
        Assert.Equal("halted", sources.Single(s => s.GetProperty("siteId").GetString() == "K").GetProperty("status").GetString());
        Assert.Equal(0, sources.Single(s => s.GetProperty("siteId").GetString() == "K").GetProperty("capacityPct").GetDouble());

        // Back to operating: the row recovers too.
        await SendAsync(HttpMethod.Post, "/api/suppliers/SUP-LIVE/status", new { siteId = "K", status = "operating", capacityPct = 100 }, HttpStatusCode.OK);
        while (row.GetProperty("supplyStatus").GetString() != "operating")
            foreach (var r in (await boardDeltas.Reader.ReadAsync(timeout.Token)).GetProperty("rows").EnumerateArray())
                if (r.GetProperty("factoryId").GetString() == "BF-LIVE") row = r;
        var buffer = (await BufferAsync("BF-LIVE", "IC-L")).GetProperty("buffer");
        Assert.Equal("operating", buffer.GetProperty("supplyStatus").GetString());
    }

    [Fact]
    public async Task Open_orders_due_now_and_spikes_become_qualified_demand_and_bad_orders_change_nothing()
    {
        await FactoryWithPartAsync("BF-DEM", "IC-D", onHand: 36_000);
        // ADU 1000, DLT 20 → red 15,000, spike threshold 7,500, horizon 20 days; TOY 35,000, TOG 45,000.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var before = (await BufferAsync("BF-DEM", "IC-D")).GetProperty("buffer");
        Assert.Equal(0, before.GetProperty("suggestedOrderQty").GetDouble());

        var orders = new object[]
        {
            new { orderId = "SO-1", partNumber = "IC-D", quantity = 2_000, dueDate = today.ToString("O") },
            new { orderId = "SO-2", partNumber = "IC-D", quantity = 3_000, dueDate = today.AddDays(3).ToString("O") },  // ordinary: in ADU
            new { orderId = "SO-3", partNumber = "IC-D", quantity = 8_000, dueDate = today.AddDays(10).ToString("O") }, // spike
        };
        await SendAsync(HttpMethod.Post, "/api/factories/BF-DEM/demand", orders, HttpStatusCode.OK);
        var b = (await BufferAsync("BF-DEM", "IC-D")).GetProperty("buffer");
        Assert.Equal(10_000, b.GetProperty("qualifiedDemand").GetDouble());
        Assert.Equal(26_000, b.GetProperty("netFlow").GetDouble());
        Assert.Equal(19_000, b.GetProperty("suggestedOrderQty").GetDouble());

        // Refused whole: an unknown part, a negative quantity, a duplicate id. Nothing of it is applied.
        var bad = new object[]
        {
            new { orderId = "SO-4", partNumber = "IC-D", quantity = 50_000, dueDate = today.ToString("O") },
            new { orderId = "SO-5", partNumber = "NOPE", quantity = 1, dueDate = today.ToString("O") },
            new { orderId = "SO-6", partNumber = "IC-D", quantity = -1, dueDate = today.ToString("O") },
            new { orderId = "SO-6", partNumber = "IC-D", quantity = 1, dueDate = today.ToString("O") },
        };
        var problem = await SendAsync(HttpMethod.Post, "/api/factories/BF-DEM/demand", bad, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("[1].partNumber", out _));
        Assert.True(errors.TryGetProperty("[2].quantity", out _));
        Assert.True(errors.TryGetProperty("[3].orderId", out _));
        Assert.Equal(3, (await Http.GetFromJsonAsync<JsonElement>("/api/factories/BF-DEM/demand")).GetArrayLength());

        // The spike ships: it leaves qualified demand.
        await SendAsync(HttpMethod.Delete, "/api/factories/BF-DEM/demand/SO-3", null, HttpStatusCode.NoContent);
        await SendAsync(HttpMethod.Delete, "/api/factories/BF-DEM/demand/SO-3", null, HttpStatusCode.NotFound);
        Assert.Equal(2_000, (await BufferAsync("BF-DEM", "IC-D")).GetProperty("buffer").GetProperty("qualifiedDemand").GetDouble());
    }
}
