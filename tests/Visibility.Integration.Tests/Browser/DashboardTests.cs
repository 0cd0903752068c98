using Microsoft.Playwright;
using static Visibility.Integration.Tests.Shipments.ShipmentApi;

namespace Visibility.Integration.Tests.Browser;

public sealed class DashboardFixture : HostFixture
{
    // The built-in simulator feeds the map, as on the embedded default.
    protected override IDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Simulator:Enabled"] = "true",
        ["Simulator:Shipments"] = "60",
        ["Simulator:ReportIntervalSeconds"] = "2",
    };
}

/// <summary>The operator dashboard in headless Chromium against the real host: live markers, exceptions, detail panel.</summary>
[Collection("host")]
public sealed class DashboardTests(DashboardFixture fx) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task Dashboard_shows_live_shipments_and_opens_an_exception_in_the_detail_panel()
    {
        // A cold-chain excursion we control, so the exceptions list has a known entry.
        await CreateAsync(fx.Host.Http, Booking("UI-COLD", reefer: new { minC = 2, maxC = 8 }));
        var path = await RouteAsync(fx.Host.Http, "UI-COLD");
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-40);
        await PostTelemetryAsync(fx.Host.Http, Enumerable.Range(0, 5).Select(i =>
            (object)Reading("UI-COLD", $"ui{i}", t0.AddMinutes(5 * i), path[10 + i].Lat, path[10 + i].Lon, temperatureC: 11.5)));

        await using var browser = await BrowserSession.OpenSignedInAsync(fx.Host);
        var page = browser.Page;
        await page.GotoAsync(fx.Host.BaseUrl);
        await page.WaitForSelectorAsync("body[data-link='live']", new() { Timeout = 20_000 });

        // The header total counts the shipments the simulator created, and the map draws them.
        await page.WaitForFunctionAsync(
            "() => parseInt((document.querySelector('.count.tone-neutral dd')?.textContent || '0').replace(/\\D/g, '')) >= 20",
            null, new() { Timeout = 60_000 });
        var canvasCount = await page.Locator("canvas").CountAsync();
        Assert.True(canvasCount >= 1, "the map is drawn on a canvas");

        // The exceptions list shows our excursion; clicking it opens the detail panel for that shipment.
        await browser.ScreenshotAsync("dashboard-live");
        Assert.Empty(browser.Errors);
        var entry = page.Locator(".exc-list").GetByText("UI-COLD").First;
        await entry.WaitForAsync(new() { Timeout = 20_000 });
        await entry.ClickAsync();
        var panel = page.Locator("aside.panel-right").Filter(new() { HasText = "UI-COLD" }).First;
        await panel.WaitForAsync(new() { Timeout = 10_000 });
        var panelText = await panel.InnerTextAsync();
        Assert.Contains("Shanghai", panelText);
        Assert.Contains("Los Angeles", panelText);
        Assert.Contains("PO-UI-COLD", panelText);
        Assert.Contains("Cold", panelText, StringComparison.OrdinalIgnoreCase);
        await browser.ScreenshotAsync("dashboard-detail");

        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task An_operator_signs_in_with_the_form_and_lands_on_the_live_map_and_a_wrong_password_is_refused()
    {
        await using var browser = await BrowserSession.OpenAsync();
        var page = browser.Page;
        await page.GotoAsync(fx.Host.BaseUrl + "/");
        await page.WaitForURLAsync("**/signin?next=*", new() { Timeout = 10_000 });
        // The embedded default lists its demo users (labelled) on the sign-in page.
        await page.Locator(".signin-demo").GetByText("Demo data").WaitForAsync(new() { Timeout = 10_000 });

        await page.FillAsync("#username", "operator");
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("button[type=submit]");
        await page.Locator(".signin-error").GetByText("Unknown user or wrong password").WaitForAsync(new() { Timeout = 10_000 });
        await browser.ScreenshotAsync("signin-refused");

        await page.FillAsync("#password", "operator-demo");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("body[data-link='live']", new() { Timeout = 20_000 });
        Assert.Contains("operator", await page.Locator(".page-nav .who").InnerTextAsync());

        // Signing out forgets the token: the map is out of reach again.
        await page.ClickAsync(".page-nav .signout");
        await page.WaitForURLAsync("**/signin?next=*", new() { Timeout = 10_000 });
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('visibility.session')"));
        // The refused sign-in's 401 is the only console error the page may show.
        Assert.True(browser.Errors.All(e => e.Contains("401")), string.Join("\n", browser.Errors));
    }

    [Fact]
    public async Task Dashboard_says_it_is_offline_when_the_host_is_gone_and_recovers_after_restart()
    {
        await using var browser = await BrowserSession.OpenSignedInAsync(fx.Host);
        var page = browser.Page;
        await page.GotoAsync(fx.Host.BaseUrl);
        await page.WaitForSelectorAsync("body[data-link='live']", new() { Timeout = 20_000 });

        // Kill the host; while it is down the page must say so; when it is back on the same address, live again.
        var restart = fx.RestartAsync(crash: true, downtime: TimeSpan.FromSeconds(4));
        await page.WaitForSelectorAsync("body[data-link='reconnecting'], body[data-link='offline']", new() { Timeout = 20_000 });
        await browser.ScreenshotAsync("dashboard-reconnecting");
        await restart;
        await page.WaitForSelectorAsync("body[data-link='live']", new() { Timeout = 30_000 });
        Assert.DoesNotContain(browser.Errors, e => e.StartsWith("page:"));
    }
}
