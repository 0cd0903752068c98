using Microsoft.Playwright;

namespace Visibility.Integration.Tests.Browser;

/// <summary>
/// The demo network (seeded by the host) plus two shipments: one shipped by Seoul Energy Cells (S-KR-BAT), whose demo user
/// the test signs in as, and one by Shenzhen Microchip (S-SZ-MCU), which that user must never reach. No simulator.
/// </summary>
public sealed class PortalFixture : HostFixture
{
    public const string Own = "PORTAL-OWN";
    public const string Other = "PORTAL-OTHER";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var http = Host.Http;
        // The demo network is seeded in the background after start, one supplier after another: book once all exist.
        int seeded = Visibility.Host.Demo.DemoNetwork.Suppliers.Length;
        for (int i = 0; i < 120 && (await http.GetFromJsonAsync<JsonElement>("/api/suppliers")).GetArrayLength() < seeded; i++)
            await Task.Delay(250);
        await BookAsync(Own, "S-KR-BAT", "KRPUS", "USSEA", "BAT-LI-21700-5A");
        await BookAsync(Other, "S-SZ-MCU", "CNSHA", "USLAX", "IC-PMIC-5CH");
    }

    private async Task BookAsync(string id, string supplierId, string origin, string destination, string part)
    {
        using var response = await Host.Http.PostAsJsonAsync("/api/shipments", new
        {
            id, reference = "PO-" + id, mode = "ocean", origin, destination, supplierId,
            plannedDeparture = DateTimeOffset.UtcNow.Date.AddDays(-2),
            cargo = new[] { new { partNumber = part, quantity = 20_000, factoryId = "F-AUS" } },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"book {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

/// <summary>
/// The supplier portal in headless Chromium against the real host: a demo supplier signs in through /signin, lands on
/// /portal, posts a site status whose note is markup (shown as text, no dialog) and a milestone for its own shipment
/// (and sees the API's field error and its refusal of one out of order), and cannot reach another supplier's data from the URL or from
/// the page's own token. Console errors are exactly the refusals the test provokes.
/// </summary>
[Collection("host")]
public sealed class PortalTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private const string Note = "<script>alert(1)</script> line stop";
    private static readonly PageWaitForFunctionOptions Wait = new() { Timeout = 30_000 };

    [Fact]
    public async Task A_supplier_signs_in_posts_status_and_milestones_and_cannot_reach_another_supplier()
    {
        await using var browser = await BrowserSession.OpenAsync();
        var page = browser.Page;
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) => { dialogs.Add(dialog.Message); _ = dialog.DismissAsync(); };
        // Console errors with where they came from: failed requests are logged with the resource's URL.
        var consoleErrors = new List<(string Text, string Url)>();
        // (Location is "url:line:column".)
        page.Console += (_, msg) =>
        {
            if (msg.Type == "error") lock (consoleErrors) consoleErrors.Add((msg.Text, System.Text.RegularExpressions.Regex.Replace(msg.Location, @":\d+:\d+$", "")));
        };

        // Signing in through the real form lands a supplier on its portal.
        await page.GotoAsync(fx.Host.BaseUrl + "/signin");
        await page.Locator("#username").FillAsync("s-kr-bat");
        await page.Locator("#password").FillAsync("supplier-demo");
        await page.Locator("form.signin-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/portal", new() { Timeout = 30_000 });
        await page.WaitForSelectorAsync("body[data-portal='ready']", new() { Timeout = 30_000 });

        Assert.Equal("Seoul Energy Cells", (await page.Locator(".portal-supplier-name").TextContentAsync())?.Trim());
        Assert.True(await page.Locator(".topbar .demo-badge").IsVisibleAsync(), "a demo supplier is labelled as demo data");
        Assert.Equal(["Portal"], (await page.Locator(".page-nav a").AllTextContentsAsync()).Select(t => t.Trim()).ToArray());
        Assert.Equal(1, await page.Locator(".portal-site").CountAsync());
        Assert.Equal("operating", await page.Locator(".portal-site[data-site='SE-1']").GetAttributeAsync("data-status"));
        // Its own shipment, and no other.
        await page.WaitForFunctionAsync("() => document.body.dataset.shipments === '1'", null, Wait);
        Assert.Equal(1, await page.Locator($"tr[data-shipment='{PortalFixture.Own}']").CountAsync());
        Assert.Equal(0, await page.Locator($"tr[data-shipment='{PortalFixture.Other}']").CountAsync());
        await browser.ScreenshotAsync("portal");

        // Browser checks first: nothing is sent while a field is wrong.
        var form = page.Locator("form.status-form");
        await form.Locator("[name=siteId]").SelectOptionAsync("SE-1");
        await form.Locator("[name=status]").SelectOptionAsync("halted");
        Assert.Equal("0", await form.Locator("[name=capacityPct]").InputValueAsync()); // halted suggests 0 %
        await form.Locator("[name=capacityPct]").FillAsync("150");
        await form.Locator("button[type=submit]").ClickAsync();
        Assert.Equal("must be between 0 and 100", (await form.Locator(".field-error[data-for='capacityPct']").TextContentAsync())?.Trim());
        Assert.Equal("true", await form.Locator("[name=capacityPct]").GetAttributeAsync("aria-invalid"));
        Assert.Equal("0", await page.EvaluateAsync<string>("() => document.body.dataset.history"));

        var recovery = DateTimeOffset.UtcNow.AddDays(3);
        await form.Locator("[name=capacityPct]").FillAsync("0");
        await form.Locator("[name=expectedRecovery]").FillAsync(recovery.ToString("yyyy-MM-dd'T'HH:mm"));
        await form.Locator("[name=note]").FillAsync(Note);
        await form.Locator("button[type=submit]").ClickAsync();

        // The page shows the post without a reload: the site card, and the history newest first, the note as text.
        var site = page.Locator(".portal-site[data-site='SE-1']");
        await page.WaitForFunctionAsync("() => document.querySelector(\".portal-site[data-site='SE-1']\")?.dataset.status === 'halted'", null, Wait);
        Assert.Equal(Note, (await site.Locator(".portal-site-note").TextContentAsync())?.Trim());
        Assert.Contains("0 %", await site.InnerTextAsync());
        Assert.Contains(recovery.ToString("HH:mm"), await site.Locator(".portal-site-recovery").InnerTextAsync());
        await page.WaitForFunctionAsync("() => document.body.dataset.history === '1'", null, Wait);
        var entry = page.Locator("#portal-history .tl-item").First;
        Assert.Equal(Note, (await entry.Locator(".tl-note").TextContentAsync())?.Trim());
        Assert.Contains("halted", (await entry.InnerTextAsync()).ToLowerInvariant());
        Assert.Equal(0, await page.Locator("main script").CountAsync());
        Assert.True(await form.Locator(".form-ok").IsVisibleAsync());
        Assert.Equal("", await form.Locator("[name=note]").InputValueAsync());
        // What an operator reads back is what the supplier wrote.
        var stored = await fx.Host.Http.GetFromJsonAsync<JsonElement>("/api/suppliers/S-KR-BAT");
        Assert.Equal(Note, stored.GetProperty("sites")[0].GetProperty("note").GetString());
        await browser.ScreenshotAsync("portal-posted");

        // A milestone for its own shipment, from the row's button.
        await page.Locator($"tr[data-shipment='{PortalFixture.Own}'] button").ClickAsync();
        var milestones = page.Locator("form.milestone-form");
        Assert.Equal(PortalFixture.Own, await milestones.Locator("[name=shipmentId]").InputValueAsync());
        Assert.Equal("booked", await milestones.Locator("[name=code]").InputValueAsync()); // nothing recorded yet
        await milestones.Locator("[name=code]").SelectOptionAsync("loaded");
        await milestones.Locator("[name=at]").FillAsync(DateTimeOffset.UtcNow.AddMinutes(-30).ToString("yyyy-MM-dd'T'HH:mm"));
        await milestones.Locator("[name=locode]").FillAsync("krpus");
        await milestones.Locator("[name=note]").FillAsync("Loaded at Busan New Port");
        await milestones.Locator("button[type=submit]").ClickAsync();
        await milestones.Locator(".form-ok").WaitForAsync(new() { Timeout = 15_000 });
        var row = page.Locator($"tr[data-shipment='{PortalFixture.Own}']");
        Assert.Contains("Loaded", await row.Locator(".last-milestone").InnerTextAsync());
        Assert.Contains("KRPUS", await row.Locator(".last-milestone").InnerTextAsync());
        Assert.Equal("departed", await milestones.Locator("[name=code]").InputValueAsync()); // the usual next step is offered

        // A field the browser cannot check (is there such a place?): the API's field error shows under that field.
        await milestones.Locator("[name=locode]").FillAsync("XXZZZ");
        await milestones.Locator("button[type=submit]").ClickAsync();
        var locodeError = milestones.Locator(".field-error[data-for='locode']");
        await locodeError.WaitForAsync(new() { Timeout = 15_000 });
        Assert.Equal("unknown location 'XXZZZ'", (await locodeError.TextContentAsync())?.Trim());
        Assert.Equal("true", await milestones.Locator("[name=locode]").GetAttributeAsync("aria-invalid"));

        // Out of order: the API's reason is shown, nothing is recorded.
        await milestones.Locator("[name=locode]").FillAsync("");
        await milestones.Locator("[name=code]").SelectOptionAsync("booked");
        await milestones.Locator("[name=at]").FillAsync(DateTimeOffset.UtcNow.AddMinutes(-10).ToString("yyyy-MM-dd'T'HH:mm"));
        await milestones.Locator("button[type=submit]").ClickAsync();
        var refusal = milestones.Locator(".form-error");
        await refusal.WaitForAsync(new() { Timeout = 15_000 });
        Assert.Equal("'booked' cannot follow 'loaded'", (await refusal.TextContentAsync())?.Trim());
        var own = await fx.Host.Http.GetFromJsonAsync<JsonElement>($"/api/shipments/{PortalFixture.Own}");
        Assert.Equal(["loaded"], own.GetProperty("milestones").EnumerateArray().Select(m => m.GetProperty("code").GetString()).ToArray());

        // With the page's own token, another supplier's shipment and history are "not found", and a milestone is refused alike.
        var statuses = await page.EvaluateAsync<int[]>(@"async ([other]) => {
            const token = JSON.parse(localStorage.getItem('visibility.session')).accessToken;
            const headers = { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' };
            const get = (url) => fetch(url, { headers }).then(r => r.status);
            return [
                await get('/api/shipments/' + other),
                await get('/api/suppliers/S-SZ-MCU/status-history'),
                await fetch('/api/shipments/' + other + '/milestones', { method: 'POST', headers,
                    body: JSON.stringify({ code: 'gate-in', at: new Date(Date.now() - 60000).toISOString() }) }).then(r => r.status),
            ];
        }", new object[] { PortalFixture.Other });
        Assert.Equal([404, 404, 404], statuses);
        var other = await fx.Host.Http.GetFromJsonAsync<JsonElement>($"/api/shipments/{PortalFixture.Other}");
        Assert.Empty(other.GetProperty("milestones").EnumerateArray());

        // Another supplier's portal by URL: "not found", and nothing else is asked for.
        await page.GotoAsync(fx.Host.BaseUrl + "/portal?supplier=S-SZ-MCU");
        await page.WaitForSelectorAsync("body[data-portal='not-found']", new() { Timeout = 30_000 });
        Assert.Contains("There is no supplier 'S-SZ-MCU' you can see.", await page.Locator(".portal-not-found").InnerTextAsync());
        Assert.Equal(0, await page.Locator(".portal-site").CountAsync());
        await browser.ScreenshotAsync("portal-other-supplier");

        Assert.Empty(dialogs);
        // Exactly the refusals provoked above, each logged once by the browser as a failed request; nothing else.
        string[] expected =
        [
            $"400 {fx.Host.BaseUrl}/api/shipments/{PortalFixture.Own}/milestones",
            $"409 {fx.Host.BaseUrl}/api/shipments/{PortalFixture.Own}/milestones",
            $"404 {fx.Host.BaseUrl}/api/shipments/{PortalFixture.Other}",
            $"404 {fx.Host.BaseUrl}/api/suppliers/S-SZ-MCU/status-history",
            $"404 {fx.Host.BaseUrl}/api/shipments/{PortalFixture.Other}/milestones",
            $"404 {fx.Host.BaseUrl}/api/suppliers/S-SZ-MCU",
        ];
        List<(string Text, string Url)> seen;
        lock (consoleErrors) seen = [.. consoleErrors];
        Assert.Equal(expected, seen.Select(e => $"{StatusOf(e.Text)} {e.Url}").ToArray());
        Assert.DoesNotContain(browser.Errors, e => e.StartsWith("page:", StringComparison.Ordinal));
        Assert.Equal(expected.Length, browser.Errors.Count);
    }

    /// <summary>"Failed to load resource: the server responded with a status of 404 (Not Found)" → "404"; anything else as is.</summary>
    private static string StatusOf(string text)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text, @"^Failed to load resource: the server responded with a status of (\d{3})");
        return match.Success ? match.Groups[1].Value : text;
    }
}
