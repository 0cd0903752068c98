using Microsoft.Playwright;

namespace Visibility.Integration.Tests.Browser;

/// <summary>The seeded demo network is all these tests need: no simulator, so the map's camera stays where it starts.</summary>
public sealed class SuppliersFixture : HostFixture;

/// <summary>
/// The suppliers page and the supply-network layer of the operator map in headless Chromium against the real host:
/// a status posted through the API reaches the open page over the live feed (no reload), notes are shown as text,
/// the history panel shows the post, and the map colours the site and opens its card.
/// </summary>
[Collection("host")]
public sealed class SuppliersTests(SuppliersFixture fx) : IClassFixture<SuppliersFixture>
{
    private const string Note = "<script>alert(1)</script> flood";
    private static readonly PageWaitForFunctionOptions Wait = new() { Timeout = 30_000 };

    [Fact]
    public async Task A_posted_halt_shows_live_on_the_suppliers_page_with_its_note_as_text_and_in_the_history()
    {
        await using var browser = await BrowserSession.OpenSignedInAsync(fx.Host);
        var page = browser.Page;
        // An alert() from a note interpreted as markup would show up here.
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) => { dialogs.Add(dialog.Message); _ = dialog.DismissAsync(); };

        await page.GotoAsync(fx.Host.BaseUrl + "/suppliers");
        await page.WaitForSelectorAsync("body[data-link='live']", new() { Timeout = 30_000 });
        await page.WaitForFunctionAsync("() => parseInt(document.body.dataset.suppliers || '0') >= 9", null, Wait);
        var row = page.Locator("tr[data-site='S-SU-PCB/SU-2']");
        Assert.Equal("operating", await row.GetAttributeAsync("data-status"));
        Assert.Equal("Demo data", (await page.Locator(".topbar .demo-badge").TextContentAsync())?.Trim());
        Assert.True(await page.Locator(".topbar .demo-badge").IsVisibleAsync(), "the demo suppliers are labelled as demo data");

        // Anything that reloads the page loses this mark.
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");
        var haltedBefore = int.Parse((await page.Locator(".topbar [data-count='halted']").TextContentAsync())!);
        await PostStatusAsync("S-SU-PCB", "SU-2", "halted", 0, Note, DateTimeOffset.UtcNow.AddDays(5));

        await page.WaitForFunctionAsync("() => document.querySelector(\"tr[data-site='S-SU-PCB/SU-2']\")?.dataset.status === 'halted'", null, Wait);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the row changed without a reload");
        Assert.Contains("halted", (await row.Locator(".col-status").InnerTextAsync()).ToLowerInvariant());
        Assert.Equal(Note, (await row.Locator(".col-note").TextContentAsync())?.Trim());
        Assert.Equal(0, await page.Locator(".sup-table script").CountAsync());
        Assert.Contains("0 %", await row.Locator(".col-cap").InnerTextAsync());
        // Worst first: halted at 0 %, posted last, it leads the table; the header counts it.
        Assert.Equal("S-SU-PCB/SU-2", await page.Locator(".sup-table tbody tr").First.GetAttributeAsync("data-site"));
        Assert.Equal((haltedBefore + 1).ToString(), await page.Locator(".topbar [data-count='halted']").TextContentAsync());
        await browser.ScreenshotAsync("suppliers");

        // The supplier's history, newest first; a further post while it is open appears in it live.
        await row.ClickAsync();
        var halted = page.Locator(".sup-detail .tl-item").Filter(new() { HasText = "flood" });
        await halted.First.WaitForAsync(new() { Timeout = 15_000 });
        Assert.Equal(Note, (await halted.First.Locator(".tl-note").TextContentAsync())?.Trim());
        Assert.Contains("halted", (await halted.First.InnerTextAsync()).ToLowerInvariant());
        Assert.Contains("site=S-SU-PCB%2FSU-2", page.Url);

        await PostStatusAsync("S-SU-PCB", "SU-2", "reduced", 40, "Line 2 restarted", null);
        var restarted = page.Locator(".sup-detail .tl-item").Filter(new() { HasText = "Line 2 restarted" });
        await restarted.First.WaitForAsync(new() { Timeout = 15_000 });
        var entries = page.Locator(".sup-detail .tl-item");
        Assert.Equal(2, await entries.CountAsync());
        Assert.Contains("Line 2 restarted", await entries.First.InnerTextAsync());
        await page.WaitForFunctionAsync("() => document.querySelector(\"tr[data-site='S-SU-PCB/SU-2']\")?.dataset.status === 'reduced'", null, Wait);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the history updated without a reload");
        await browser.ScreenshotAsync("suppliers-history");

        // Filters live in the URL: a search narrows the table, and the same URL opened again gives the same view.
        await page.Locator(".sup-search").FillAsync("wuxi");
        await page.WaitForFunctionAsync("() => document.body.dataset.sitesShown === '1'", null, Wait);
        Assert.Contains("q=wuxi", page.Url);
        await page.GotoAsync(fx.Host.BaseUrl + "/suppliers?status=reduced&country=CN");
        await page.WaitForFunctionAsync("() => parseInt(document.body.dataset.suppliers || '0') >= 9", null, Wait);
        Assert.Equal("1", await page.EvaluateAsync<string>("() => document.body.dataset.sitesShown"));
        Assert.Equal("true", await page.Locator(".status-toggle[data-status='reduced']").GetAttributeAsync("aria-pressed"));
        Assert.Equal("CN", await page.Locator(".sup-country").InputValueAsync());

        Assert.Empty(dialogs);
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task The_operator_map_draws_supplier_sites_and_factories_and_recolours_a_site_live()
    {
        await using var browser = await BrowserSession.OpenSignedInAsync(fx.Host);
        var page = browser.Page;
        await page.GotoAsync(fx.Host.BaseUrl);
        await page.WaitForSelectorAsync("body[data-link='live']", new() { Timeout = 30_000 });
        await page.WaitForFunctionAsync("() => parseInt(document.body.dataset.sites || '0') >= 10 && document.body.dataset.factories === '6'", null, Wait);
        var sitesToggle = page.Locator(".legend [data-layer='sites']");
        Assert.Contains("10", await sitesToggle.InnerTextAsync());
        Assert.True(await page.Locator(".legend .demo-badge").IsVisibleAsync(), "the seeded network is labelled as demo data");

        var haltedBefore = int.Parse(await page.EvaluateAsync<string>("() => document.body.dataset.sitesHalted"));
        await PostStatusAsync("S-KR-BAT", "SE-1", "halted", 0, "Electrolyte shortage", DateTimeOffset.UtcNow.AddDays(3));
        await page.WaitForFunctionAsync($"() => parseInt(document.body.dataset.sitesHalted) === {haltedBefore + 1}", null, Wait);
        Assert.Contains("halted", await sitesToggle.InnerTextAsync());

        // Click the Seoul site where the map draws it (the camera has not moved: nothing was selected or dragged).
        var (x, y) = await ScreenPointAsync(page, lon: 126.99, lat: 37.55);
        await page.Mouse.MoveAsync(x, y);
        var tooltip = page.Locator(".map-tooltip");
        await tooltip.Filter(new() { HasText = "Seoul cell plant" }).WaitForAsync(new() { Timeout = 10_000 });
        Assert.Contains("Halted", await tooltip.InnerTextAsync());
        await page.Mouse.ClickAsync(x, y);
        var card = page.Locator(".net-pop[data-key='S-KR-BAT/SE-1']");
        await card.WaitForAsync(new() { Timeout = 10_000 });
        var cardText = await card.InnerTextAsync();
        Assert.Contains("Seoul Energy Cells", cardText);
        Assert.Contains("halted", cardText.ToLowerInvariant());
        Assert.Contains("Electrolyte shortage", cardText);
        Assert.Contains("demo data", cardText.ToLowerInvariant());
        await browser.ScreenshotAsync("map-suppliers");

        // The legend hides the layer (and its card); the point no longer answers the pointer.
        await sitesToggle.ClickAsync();
        Assert.Equal("false", await sitesToggle.GetAttributeAsync("aria-pressed"));
        Assert.False(await card.IsVisibleAsync(), "hiding the sites closes the site's card");
        await page.Mouse.MoveAsync(x + 1, y);
        await page.Mouse.MoveAsync(x, y);
        Assert.False(await tooltip.Filter(new() { HasText = "Seoul cell plant" }).IsVisibleAsync(), "a hidden site has no tooltip");

        Assert.Empty(browser.Errors);
    }

    private async Task PostStatusAsync(string supplierId, string siteId, string status, double capacityPct, string note, DateTimeOffset? recovery)
    {
        using var response = await fx.Host.Http.PostAsJsonAsync($"/api/suppliers/{supplierId}/status",
            new { siteId, status, capacityPct, expectedRecovery = recovery, note });
        Assert.True(response.IsSuccessStatusCode, $"post status: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// Where the map draws lon/lat in its starting view (map/view.ts: the whole world across the window, centred on
    /// 150°E 22°N, clamped so no pole band shows), in Web Mercator as map/projection.ts computes it.
    /// </summary>
    private static async Task<(float X, float Y)> ScreenPointAsync(IPage page, double lon, double lat)
    {
        var point = await page.EvaluateAsync<double[]>(@"([lon, lat]) => {
            const canvas = document.querySelector('.map-canvas').getBoundingClientRect();
            const ux = (l) => (l + 180) / 360;
            const uy = (a) => { const s = Math.sin(a * Math.PI / 180); return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI); };
            const w = canvas.width;
            const half = canvas.height / 2 / w;
            const cy = half >= 0.5 ? 0.5 : Math.min(1 - half, Math.max(half, uy(22)));
            let x = (ux(lon) - ux(150)) * w + canvas.width / 2;
            x -= w * Math.round((x - canvas.width / 2) / w);
            return [canvas.left + x, canvas.top + (uy(lat) - cy) * w + canvas.height / 2];
        }", new[] { lon, lat });
        return ((float)point[0], (float)point[1]);
    }
}
