using Microsoft.Playwright;
using static Visibility.Integration.Tests.Shipments.ShipmentApi;

namespace Visibility.Integration.Tests.Browser;

/// <summary>The demo network (seeded by default, <c>Demo:Seed</c>) without the simulator, so every change is the test's own.</summary>
public sealed class BoardFixture : HostFixture
{
    protected override IDictionary<string, string> Settings => new Dictionary<string, string> { ["Demo:Seed"] = "true" };
}

/// <summary>The manager's buffer board (/board) in headless Chromium against the real host, and the map deep link it uses.</summary>
[Collection("host")]
public sealed class BoardTests(BoardFixture fx) : IClassFixture<BoardFixture>
{
    private HttpClient Http => fx.Host.Http;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Board_shows_buffers_by_priority_filters_drills_down_and_moves_live()
    {
        // The demo network seeds in the background after start: wait until every buffer is on the board.
        var rows = await DemoBoardAsync();
        var red = rows.First(IsSuppliedRed);
        string factoryId = red.GetProperty("factoryId").GetString()!, part = red.GetProperty("partNumber").GetString()!;

        // A shipment on its way to that buffer, so the drill-down has an inbound line linking to the map.
        const string shipmentId = "BOARD-IN-1";
        var now = DateTimeOffset.UtcNow;
        await CreateAsync(Http, new
        {
            id = shipmentId, reference = "PO-" + shipmentId, mode = "ocean", origin = "CNSHA", destination = "MXZLO",
            plannedDeparture = now.AddDays(-5).ToString("O"), plannedArrival = now.AddDays(12).ToString("O"),
            cargo = new[] { new { partNumber = part, quantity = 1_000, factoryId } },
        });

        await using var browser = await BrowserSession.OpenSignedInAsync(fx.Host);
        var page = browser.Page;
        await page.GotoAsync(fx.Host.BaseUrl + "/board");
        await page.WaitForSelectorAsync("body[data-link='live']", new() { Timeout = 20_000 });
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('tbody tr[data-key]').length === {rows.Count}", null, new() { Timeout = 20_000 });

        // Every zone is on the board, most urgent (lowest planning priority) first, and the demo label shows.
        var zones = await page.EvalOnSelectorAllAsync<string[]>("tbody tr[data-key]", "rows => rows.map(r => r.dataset.zone)");
        Assert.Contains("red", zones);
        Assert.Contains("yellow", zones);
        Assert.Contains("green", zones);
        var priorities = await page.EvalOnSelectorAllAsync<double[]>("tbody tr[data-key]", "rows => rows.map(r => parseFloat(r.dataset.priority))");
        Assert.Equal(priorities.Order().ToArray(), priorities);
        Assert.True(await page.Locator(".topbar .demo-label").IsVisibleAsync(), "the board says it shows demo data");
        int redCount = zones.Count(z => z == "red");
        Assert.Equal(redCount.ToString(), (await page.Locator(".count-btn[data-zone='red'] .count-value").InnerTextAsync()).Trim());
        await browser.ScreenshotAsync("board");

        // Zone filter: only red rows remain, and the filter is in the URL so the view can be shared.
        await page.SelectOptionAsync("#f-zone", "red");
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('tbody tr[data-key]').length === {redCount}", null, new() { Timeout = 10_000 });
        var filtered = await page.EvalOnSelectorAllAsync<string[]>("tbody tr[data-key]", "rows => rows.map(r => r.dataset.zone)");
        Assert.All(filtered, z => Assert.Equal("red", z));
        Assert.Contains("zone=red", page.Url);

        // Drill-down: keyboard Enter on the row opens the panel with the projection chart and the inbound shipment.
        var row = page.Locator($"tbody tr[data-factory='{factoryId}'][data-part='{part}']");
        await row.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var drill = page.Locator("aside.board-drill");
        await drill.Locator("svg.proj-chart path.proj-line").WaitForAsync(new() { Timeout = 15_000 });
        var link = drill.Locator($"a[href='/?shipment={shipmentId}']");
        await link.WaitForAsync(new() { Timeout = 10_000 });
        Assert.Contains("Red zone", await drill.InnerTextAsync());
        Assert.Equal("true", await row.GetAttributeAsync("aria-current"));
        await browser.ScreenshotAsync("board-drilldown");

        // Escape closes it; Enter opens it again.
        await page.Keyboard.PressAsync("Escape");
        await page.WaitForSelectorAsync("aside.board-drill[hidden]", new() { State = WaitForSelectorState.Attached, Timeout = 5_000 });
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("aside.board-drill:not([hidden])", new() { Timeout = 5_000 });

        // Raise on hand far above top of green through the API: the row turns green and its stock-out date moves,
        // on this page (a marker on window survives only if nothing reloads), the drill-down following it.
        await page.SelectOptionAsync("#f-zone", "");
        await page.EvaluateAsync("() => { window.__boardTestMarker = 'same page'; }");
        string stockoutBefore = (await row.Locator("td.stockout").InnerTextAsync()).Trim();
        await PutOnHandAsync(red, onHand: red.GetProperty("topOfGreen").GetDouble() * 20);
        await page.WaitForFunctionAsync(
            "([f, p, before]) => { const r = [...document.querySelectorAll('tbody tr[data-key]')].find(x => x.dataset.factory === f && x.dataset.part === p);" +
            " return r && r.dataset.zone === 'green' && r.querySelector('td.stockout').innerText.trim() !== before; }",
            new object[] { factoryId, part, stockoutBefore }, new() { Timeout = 15_000 });
        Assert.Equal("same page", await page.EvaluateAsync<string>("() => window.__boardTestMarker"));
        await page.WaitForFunctionAsync("() => document.querySelector('aside.board-drill .zone-badge')?.textContent === 'Green zone'", null, new() { Timeout = 10_000 });
        var greenPriorities = await page.EvalOnSelectorAllAsync<double[]>("tbody tr[data-key]", "rows => rows.map(r => parseFloat(r.dataset.priority))");
        Assert.Equal(greenPriorities.Order().ToArray(), greenPriorities);

        // A supplying site halts: the row's supply badge says so, still without a reload.
        var site = red.GetProperty("supply")[0];
        using (var halted = await Http.PostAsJsonAsync($"/api/suppliers/{site.GetProperty("supplierId").GetString()}/status",
                   new { siteId = site.GetProperty("siteId").GetString(), status = "halted", capacityPct = 0, note = "board test" }, Ct))
            Assert.True(halted.IsSuccessStatusCode, $"status: {(int)halted.StatusCode} {await halted.Content.ReadAsStringAsync(Ct)}");
        try { await row.Locator(".supply-badge.supply-halted").WaitForAsync(new() { Timeout = 15_000 }); }
        catch (TimeoutException)
        {
            // Say which side missed it: the server's row, or the page's.
            var served = (await Http.GetFromJsonAsync<JsonElement>($"/api/factories/{factoryId}/buffers/{part}", Ct)).GetProperty("buffer");
            await browser.ScreenshotAsync("board-supply-timeout");
            Assert.Fail($"no halted badge after 15 s; the API says supplyStatus={served.GetProperty("supplyStatus")}, " +
                        $"the page's row: {await row.InnerTextAsync()}; console: {string.Join(" | ", browser.Errors)}");
        }
        Assert.Equal("Halted", (await row.Locator(".supply-badge").InnerTextAsync()).Trim());
        Assert.Equal("same page", await page.EvaluateAsync<string>("() => window.__boardTestMarker"));

        // The inbound link opens the map with that shipment's detail panel.
        await link.ClickAsync();
        await page.WaitForURLAsync($"**/?shipment={shipmentId}", new() { Timeout = 10_000 });
        var panel = page.Locator("aside.panel-right").Filter(new() { HasText = "PO-" + shipmentId });
        await panel.WaitForAsync(new() { Timeout = 20_000 });
        Assert.Contains("Shanghai", await panel.InnerTextAsync());

        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task Map_opens_a_shipment_from_the_url_and_keeps_the_url_in_step()
    {
        const string shipmentId = "BOARD-LINK-1";
        await CreateAsync(Http, Booking(shipmentId));

        await using var browser = await BrowserSession.OpenSignedInAsync(fx.Host);
        var page = browser.Page;
        await page.GotoAsync($"{fx.Host.BaseUrl}/?shipment={shipmentId}");
        await page.WaitForSelectorAsync("body[data-link='live']", new() { Timeout = 20_000 });
        var panel = page.Locator("aside.panel-right").Filter(new() { HasText = "PO-" + shipmentId });
        await panel.WaitForAsync(new() { Timeout = 20_000 });
        Assert.Contains("Los Angeles", await panel.InnerTextAsync());

        // Closing the panel takes the id out of the URL, so a copied link does not reopen a closed shipment.
        await page.Keyboard.PressAsync("Escape");
        await page.WaitForFunctionAsync("() => !location.search.includes('shipment=')", null, new() { Timeout = 5_000 });
        Assert.Empty(browser.Errors);
    }

    /// <summary>The board over HTTP once every demo buffer is on it, most urgent first.</summary>
    private static bool IsSuppliedRed(JsonElement row) =>
        row.GetProperty("zone").GetString() == "red" && row.GetProperty("supply").GetArrayLength() > 0;

    private async Task<List<JsonElement>> DemoBoardAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var rows = (await Http.GetFromJsonAsync<JsonElement>("/api/buffers", Ct)).EnumerateArray().ToList();
            // Suppliers are seeded after the buffers: every demo buffer has a supplying site once they are all in.
            if (rows.Count >= 23 && rows.All(r => r.GetProperty("demo").GetBoolean() && r.GetProperty("supply").GetArrayLength() > 0)) return rows;
            Assert.True(DateTime.UtcNow < deadline, $"the demo network did not seed: {rows.Count} buffers");
            await Task.Delay(250, Ct);
        }
    }

    /// <summary>
    /// PUT keeps the buffer's usage and decoupled lead time (DLT = yellow ÷ ADU) and sets the given on hand; the view does
    /// not carry the seeded factors, so these are ordinary ones (the new zone does not depend on them at 20× TOG).
    /// </summary>
    private async Task PutOnHandAsync(JsonElement row, double onHand)
    {
        double adu = row.GetProperty("adu").GetDouble();
        var body = new
        {
            hsCode = row.GetProperty("hsCode").GetString(), adu, dltDays = Math.Round(row.GetProperty("yellow").GetDouble() / adu, 1),
            leadTimeFactor = 0.3, variabilityFactor = 0.5, moq = 1, orderCycleDays = 7, onHand = Math.Round(onHand),
        };
        using var response = await Http.PutAsJsonAsync(
            $"/api/factories/{row.GetProperty("factoryId").GetString()}/parts/{row.GetProperty("partNumber").GetString()}", body, Ct);
        Assert.True(response.IsSuccessStatusCode, $"PUT part: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }
}
