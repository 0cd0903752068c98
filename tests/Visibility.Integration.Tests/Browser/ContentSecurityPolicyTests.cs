using Microsoft.Playwright;

namespace Visibility.Integration.Tests.Browser;

/// <summary>The demo network, no simulator; one supplier whose name is markup.</summary>
public sealed class ContentSecurityPolicyFixture : HostFixture
{
    public const string MarkupName = "<img src=x onerror=\"window.__injected=1\"> Markup Ltd";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        using var response = await Host.Http.PostAsJsonAsync("/api/suppliers", new
        {
            id = "CSP-SUP", name = MarkupName, country = "VN",
            sites = new[] { new { id = "S1", name = "<b>bold</b> plant", locode = "VNSGN", parts = Array.Empty<object>() } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}

/// <summary>
/// Every page of the built dashboard (map, board, suppliers, sourcing, portal, sign-in), and the API reference, run under their content security policy with no
/// violation (the browser reports each as a console error and a securitypolicyviolation event), and text from the
/// API is shown as text.
/// </summary>
[Collection("host")]
public sealed class ContentSecurityPolicyTests(ContentSecurityPolicyFixture fx) : IClassFixture<ContentSecurityPolicyFixture>
{
    private const string RecordViolations =
        "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));";

    private static async Task AssertNoViolationsAsync(BrowserSession browser, string page)
    {
        var violations = await browser.Page.EvaluateAsync<string[]>("() => window.__csp");
        Assert.True(violations.Length == 0, $"{page}: {string.Join("; ", violations)}");
        Assert.True(browser.Errors.Count == 0, $"{page}: {string.Join("\n", browser.Errors)}");
    }

    [Fact]
    public async Task The_map_board_and_suppliers_pages_run_without_violations_and_show_markup_as_text()
    {
        await using var browser = await BrowserSession.OpenSignedInAsync(fx.Host);
        var page = browser.Page;
        await page.Context.AddInitScriptAsync(RecordViolations);

        await page.GotoAsync(fx.Host.BaseUrl + "/");
        await page.WaitForSelectorAsync("body[data-link='live']", new() { Timeout = 30_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await browser.ScreenshotAsync("csp-map");
        await AssertNoViolationsAsync(browser, "/");

        await page.GotoAsync(fx.Host.BaseUrl + "/board");
        await page.WaitForSelectorAsync("body[data-link='live']", new() { Timeout = 30_000 });
        await page.WaitForSelectorAsync("tbody tr[data-key]", new() { Timeout = 30_000 });
        await browser.ScreenshotAsync("csp-board");
        await AssertNoViolationsAsync(browser, "/board");

        await page.GotoAsync(fx.Host.BaseUrl + "/suppliers");
        await page.WaitForSelectorAsync("body[data-link='live']", new() { Timeout = 30_000 });
        var row = page.Locator("tr[data-site='CSP-SUP/S1']");
        await row.WaitForAsync(new() { Timeout = 30_000 });
        Assert.Contains(ContentSecurityPolicyFixture.MarkupName, await row.InnerTextAsync());
        Assert.Contains("<b>bold</b> plant", await row.InnerTextAsync());
        Assert.Equal(0, await page.Locator("img[src='x']").CountAsync());
        Assert.Equal(0, await page.Locator(".sup-table b").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__injected"));
        await browser.ScreenshotAsync("csp-suppliers");
        await AssertNoViolationsAsync(browser, "/suppliers");
    }

    [Fact]
    public async Task The_sourcing_page_and_the_supplier_portal_run_without_violations()
    {
        await using (var browser = await BrowserSession.OpenSignedInAsync(fx.Host, "manager", "manager-demo"))
        {
            var page = browser.Page;
            await page.Context.AddInitScriptAsync(RecordViolations);
            await page.GotoAsync(fx.Host.BaseUrl + "/sourcing");
            await page.WaitForSelectorAsync(".src-table tbody tr", new() { Timeout = 30_000 });
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await browser.ScreenshotAsync("csp-sourcing");
            await AssertNoViolationsAsync(browser, "/sourcing");
        }
        await using (var browser = await BrowserSession.OpenSignedInAsync(fx.Host, "s-kr-bat", "supplier-demo"))
        {
            var page = browser.Page;
            await page.Context.AddInitScriptAsync(RecordViolations);
            await page.GotoAsync(fx.Host.BaseUrl + "/portal");
            await page.WaitForSelectorAsync("body[data-portal='ready']", new() { Timeout = 30_000 });
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await browser.ScreenshotAsync("csp-portal");
            await AssertNoViolationsAsync(browser, "/portal");
        }
    }

    [Fact]
    public async Task The_sign_in_page_and_the_api_reference_run_without_violations()
    {
        await using var browser = await BrowserSession.OpenAsync();
        var page = browser.Page;
        await page.Context.AddInitScriptAsync(RecordViolations);

        await page.GotoAsync(fx.Host.BaseUrl + "/signin");
        await page.WaitForSelectorAsync("#username", new() { Timeout = 15_000 });
        await page.Locator(".signin-demo").GetByText("Demo data").WaitForAsync(new() { Timeout = 10_000 });
        await browser.ScreenshotAsync("csp-signin");
        await AssertNoViolationsAsync(browser, "/signin");

        await page.GotoAsync(fx.Host.BaseUrl + "/api/reference/");
        await page.GetByText("Visibility API").First.WaitForAsync(new() { Timeout = 30_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await browser.ScreenshotAsync("csp-api-reference");
        await AssertNoViolationsAsync(browser, "/api/reference");
    }
}
