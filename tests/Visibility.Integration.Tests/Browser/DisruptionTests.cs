using Microsoft.Playwright;
using Visibility.Integration.Tests.Disruptions;
using static Visibility.Integration.Tests.Disruptions.DisruptionApi;
using static Visibility.Integration.Tests.Shipments.ShipmentApi;

namespace Visibility.Integration.Tests.Browser;

/// <summary>
/// Issue 6 in headless Chromium: an admin declares "close Suez" from the map page, sees it in the live feed with its
/// impact, opens the re-routed shipment (the booked route dashed beside the new one, "+N days, +N km, re-routed around
/// Suez Canal"), then finds the part it feeds on the board's TTS-versus-TTR view.
/// </summary>
[Collection("host")]
public sealed class DisruptionBrowserTests(DisruptionFixture fx) : IClassFixture<DisruptionFixture>
{
    private HttpClient Http => fx.Host.Http;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Declaring_a_suez_closure_from_the_map_shows_its_impact_the_reroute_and_the_board_risk()
    {
        // An Asia → North Europe voyage carrying a demo buffer's part to its factory, so the closure reaches a factory row.
        var buffer = (await Http.GetFromJsonAsync<JsonElement>("/api/buffers", Ct)).EnumerateArray().First();
        string factoryId = buffer.GetProperty("factoryId").GetString()!, part = buffer.GetProperty("partNumber").GetString()!;
        var now = DateTimeOffset.UtcNow;
        var booked = await CreateAsync(Http, new
        {
            id = "DUI-EU-1", reference = "PO-DUI-EU-1", mode = "ocean", origin = "CNSHA", destination = "NLRTM",
            plannedDeparture = now.AddDays(-2).ToString("O"), plannedArrival = now.AddDays(30).ToString("O"),
            cargo = new[] { new { partNumber = part, quantity = 500, factoryId } },
        });
        Assert.Contains("suez", booked.GetProperty("passes").EnumerateArray().Select(p => p.GetString()));

        await using var browser = await BrowserSession.OpenSignedInAsync(fx.Host);
        var page = browser.Page;
        await page.GotoAsync(fx.Host.BaseUrl + "/");
        await page.WaitForSelectorAsync("body[data-link='live']", new() { Timeout = 30_000 });
        await page.WaitForSelectorAsync("body[data-disruptions-active]", new() { Timeout = 20_000 });

        // A field error from the host lands under its field, and nothing is declared. (Counts of active disruptions are
        // not compared: the quake and piracy imports at start may still be adding theirs.)
        await page.ClickAsync("[data-testid='declare-disruption']");
        await page.SelectOptionAsync("#dd-type", "port-congestion");
        await page.FillAsync("#dd-locode", "ZZZZZ");
        await page.FillAsync("#dd-delayDays", "2");
        await page.ClickAsync("[data-testid='declare-submit']");
        await page.WaitForSelectorAsync("#dd-locode-error:not([hidden])", new() { Timeout = 10_000 });
        Assert.Contains("unknown location", await page.InnerTextAsync("#dd-locode-error"));
        Assert.Equal("true", await page.GetAttributeAsync("#dd-locode", "aria-invalid"));
        var congested = await Http.GetFromJsonAsync<JsonElement>("/api/disruptions?type=port-congestion", Ct);
        Assert.DoesNotContain(congested.EnumerateArray(), d => d.GetProperty("locode").GetString() == "ZZZZZ");

        // A zone's centre is set by clicking the map (the draft circle is drawn there); the fields follow the click.
        await page.SelectOptionAsync("#dd-type", "natural-hazard");
        await page.Locator("canvas.map-canvas").ClickAsync(new() { Position = new() { X = 450, Y = 650 } });
        Assert.NotEqual("", await page.InputValueAsync("#dd-lat"));
        Assert.NotEqual("", await page.InputValueAsync("#dd-lon"));
        await browser.ScreenshotAsync("disruption-declare");

        // Close Suez.
        await page.SelectOptionAsync("#dd-type", "chokepoint-closure");
        await page.SelectOptionAsync("#dd-chokepoint", "suez");
        await page.ClickAsync("[data-testid='declare-submit']");
        await page.WaitForSelectorAsync("[data-testid='declare-dialog']", new() { State = WaitForSelectorState.Hidden, Timeout = 10_000 });

        // The feed shows it, open, and its impact arrives live: the re-routed voyage is listed.
        var item = page.Locator(".disruption-row.open");
        await item.WaitForAsync(new() { Timeout = 10_000 });
        Assert.Contains("Suez Canal closed", await item.Locator(".disruption-title").InnerTextAsync());
        await page.WaitForFunctionAsync("() => /re-routed/.test(document.querySelector('.disruption-row.open .disruption-impact')?.textContent ?? '')",
            null, new() { Timeout = 30_000 });
        Assert.Contains("TTR", await item.Locator(".disruption-ttr").InnerTextAsync());
        var shipmentLink = item.Locator(".impact-list .link-btn", new() { HasText = "PO-DUI-EU-1" });
        await shipmentLink.WaitForAsync(new() { Timeout = 20_000 });

        // The map marks the shipment as disrupted.
        await page.WaitForFunctionAsync("() => Number(document.body.dataset.disrupted) >= 1", null, new() { Timeout = 20_000 });

        // Its panel: the re-route in words; the map draws the booked route beside the new one.
        await shipmentLink.ClickAsync();
        var note = page.Locator("[data-testid='detail-disruption'] .reroute-line");
        await note.WaitForAsync(new() { Timeout = 20_000 });
        await page.WaitForFunctionAsync("() => /around Suez Canal/.test(document.querySelector('.reroute-line')?.textContent ?? '')", null, new() { Timeout = 10_000 });
        var text = await note.InnerTextAsync();
        Assert.Matches(@"^\+[\d.]+ days, \+[\d,]+ km, re-routed around Suez Canal$", text);
        int addedKm = int.Parse(System.Text.RegularExpressions.Regex.Match(text, @"\+([\d,]+) km").Groups[1].Value.Replace(",", ""));
        Assert.InRange(addedKm, 5_000, 8_000); // round the Cape of Good Hope
        // The whole world: the booked route through Suez (dashed orange) beside the new one round the Cape, the closure's X.
        await page.ClickAsync("button[aria-label='Show the whole world']");
        await page.WaitForTimeoutAsync(1_000); // the flight and the route layers settle before the picture
        await browser.ScreenshotAsync("disruption-map");

        // The board: the part the voyage feeds, if the closure puts it at risk, is in the TTS-versus-TTR view.
        await page.GotoAsync(fx.Host.BaseUrl + "/board");
        await page.WaitForSelectorAsync("body[data-link='live']", new() { Timeout = 30_000 });
        await page.WaitForSelectorAsync("[data-testid='risk-view']", new() { Timeout = 20_000 });
        var risky = await EventuallyAsync(() => Http.GetFromJsonAsync<JsonElement>("/api/buffers", Ct),
            rows => rows.EnumerateArray().Any(r => r.TryGetProperty("risks", out var k) && k.GetArrayLength() > 0), "a board row with risks");
        int withRisks = risky.EnumerateArray().Count(r => r.TryGetProperty("risks", out var k) && k.GetArrayLength() > 0);
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('[data-testid=\"risk-row\"]').length === {withRisks}", null, new() { Timeout = 20_000 });
        var keys = await page.EvalOnSelectorAllAsync<string[]>("[data-testid='risk-row']", "rows => rows.map(r => r.dataset.key)");
        Assert.Contains($"{factoryId}/{part}", keys);
        var impacts = await page.EvalOnSelectorAllAsync<double[]>("[data-testid='risk-row']", "rows => rows.map(r => parseFloat(r.dataset.impact))");
        Assert.Equal(impacts.OrderByDescending(i => i).ToArray(), impacts);
        await browser.ScreenshotAsync("disruption-board");

        // Back on the map, resolving it from the feed takes it off the list and restores the voyage: no disrupted marker.
        await page.GotoAsync(fx.Host.BaseUrl + "/");
        await page.WaitForSelectorAsync("body[data-link='live']", new() { Timeout = 30_000 });
        var suez = page.Locator(".disruption-item", new() { HasText = "Suez Canal closed" });
        await suez.WaitForAsync(new() { Timeout = 20_000 });
        await suez.ClickAsync();
        await page.ClickAsync("[data-testid='resolve-disruption']");
        await page.Locator(".disruption-item", new() { HasText = "Suez Canal closed" }).WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 10_000 });
        await page.WaitForFunctionAsync("() => document.body.dataset.disrupted === '0'", null, new() { Timeout = 20_000 });
        var restored = await Http.GetFromJsonAsync<JsonElement>("/api/shipments/DUI-EU-1", Ct);
        Assert.False(restored.GetProperty("rerouted").GetBoolean());

        // Clean run: the only console error is the browser's own line for the refused (400) declaration above.
        Assert.All(browser.Errors, e => Assert.StartsWith("console: Failed to load resource: the server responded with a status of 400", e));
        Assert.Single(browser.Errors);
    }
}
