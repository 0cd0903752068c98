using Microsoft.Playwright;

namespace Visibility.Integration.Tests.Browser;

/// <summary>The seeded demo network (factories, suppliers, demo unit values) without the simulator.</summary>
public sealed class SourcingFixture : HostFixture
{
    protected override IDictionary<string, string> Settings => new Dictionary<string, string> { ["Demo:Seed"] = "true" };
}

/// <summary>
/// The sourcing page (/sourcing) in headless Chromium against the real host, signed in as the demo manager: a demo
/// factory's parts with their shares and categories, then the what-if of a China-sourced part moved half to Vietnam
/// with the slider, saved under a name, and opened again from its URL.
/// </summary>
[Collection("host")]
public sealed class SourcingTests(SourcingFixture fx) : IClassFixture<SourcingFixture>
{
    private const string Factory = "F-MTY";
    private const string Part = "IC-MCU-32F4"; // all from Shenzhen Microchip (CN) in the demo network
    private static readonly PageWaitForFunctionOptions Wait = new() { Timeout = 30_000 };

    [Fact]
    public async Task A_manager_sees_a_factorys_sourcing_and_moves_half_of_a_chinese_part_to_vietnam()
    {
        await DemoSourcingAsync();
        await using var browser = await BrowserSession.OpenSignedInAsync(fx.Host, "manager", "manager-demo");
        var page = browser.Page;
        await page.GotoAsync(fx.Host.BaseUrl + "/sourcing");
        await page.WaitForSelectorAsync("#src-factory option", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await page.SelectOptionAsync("#src-factory", Factory);
        await page.WaitForFunctionAsync($"() => document.body.dataset.sourcingFactory === '{Factory}' && document.querySelectorAll('.src-table tbody tr').length === 4", null, Wait);

        // Every part with its shares as a chart and its category; the category says its table is the illustrative sample.
        var row = page.Locator($".src-table tr[data-part='{Part}']");
        Assert.Equal(["CN"], await row.Locator(".share-seg").EvaluateAllAsync<string[]>("segs => segs.map(s => s.dataset.country)"));
        Assert.Equal("10,000", (await row.Locator("td").Nth(2).Locator(".cell-main").InnerTextAsync()).Trim());
        Assert.Equal("3", await row.GetAttributeAsync("data-category"));
        Assert.Contains("List 2", await row.InnerTextAsync());
        var mixed = page.Locator(".src-table tr[data-part='CON-USBC-24P'] .share-seg");
        Assert.Equal(["CN", "VN"], await mixed.EvaluateAllAsync<string[]>("segs => segs.map(s => s.dataset.country)"));
        Assert.Equal(4, await page.Locator(".src-table .cat[data-category]").CountAsync());
        Assert.Contains("Sample table, illustrative", await page.Locator(".src-table thead").InnerTextAsync());
        Assert.True(await page.Locator(".topbar .demo-label").IsVisibleAsync(), "the demo factory is labelled as demo data");

        // The part's detail: shares, tariff lines from the Section 301 table.
        await row.ClickAsync();
        var detail = page.Locator(".src-detail");
        await detail.Locator(".src-tariff dl").WaitForAsync(new() { Timeout = 15_000 });
        Assert.Contains("List 2", await detail.Locator(".src-tariff").InnerTextAsync());
        Assert.Contains($"part={Part}", page.Url);
        await browser.ScreenshotAsync("sourcing");

        // What-if for this part: it opens with a first move out of China; the host answers with before and after.
        await detail.Locator(".src-whatif-btn").ClickAsync();
        await page.WaitForSelectorAsync(".wi-layout[data-state='ok']", new() { Timeout = 20_000 });
        Assert.Equal("CN", await page.Locator(".wi-move[data-move='0'] .move-from").InputValueAsync());
        await page.Locator(".wi-move[data-move='0'] .move-to").SelectOptionAsync("VN");
        var before = await CardAsync(page, "before");

        // Drag the share to 50 % with the keyboard: one input event per step, one recomputation after they stop.
        var slider = page.Locator(".wi-move[data-move='0'] .move-slider");
        await slider.FocusAsync();
        int steps = 50 - int.Parse(await slider.InputValueAsync());
        for (int i = 0; i < steps; i++) await page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal("50", await slider.InputValueAsync());
        Assert.Equal("50", await page.Locator(".wi-move[data-move='0'] .move-pct").InputValueAsync());
        await page.WaitForFunctionAsync("() => document.querySelector('.wi-layout').dataset.state === 'ok' && document.querySelector('.wi-after').dataset.hhi === '5000'", null, Wait);
        var after = await CardAsync(page, "after");
        var beforeNow = await CardAsync(page, "before");
        Assert.Equal(before, beforeNow);

        Assert.Equal(10_000, before.Hhi);
        Assert.True(after.Hhi < before.Hhi, $"HHI {before.Hhi} → {after.Hhi}");
        Assert.True(after.Duty < before.Duty, $"duty {before.Duty} → {after.Duty}");
        Assert.Equal(before.Duty / 2, after.Duty, 1); // Section 301 falls on the Chinese half only
        Assert.NotEqual(before.Lead, after.Lead);
        Assert.NotEqual(before.Dlt, after.Dlt);
        Assert.Equal("better", await page.Locator(".wi-after .wi-fig:has([data-figure='duty']) .wi-diff").GetAttributeAsync("data-tone"));
        Assert.Contains("VN 50 %", await page.Locator(".wi-after .share-bar").InnerTextAsync());
        Assert.Contains("move=CN-VN-50", page.Url);

        // Save it with a name; it shows in the saved list.
        const string name = "MCU: half from China to Vietnam";
        await page.Locator("#wi-name").FillAsync(name);
        await page.Locator(".wi-save").ClickAsync();
        var saved = page.Locator(".wi-saved-item").Filter(new() { HasText = name });
        await saved.WaitForAsync(new() { Timeout = 15_000 });
        Assert.Contains("CN→VN 50 %", await saved.InnerTextAsync());
        Assert.Contains("HHI 10,000 → 5,000", await saved.InnerTextAsync());
        await browser.ScreenshotAsync("whatif");

        // The URL is the what-if: opened afresh it shows the same result.
        var url = page.Url;
        await page.GotoAsync(url);
        await page.WaitForFunctionAsync("() => document.querySelector('.wi-layout')?.dataset.state === 'ok'", null, Wait);
        Assert.Equal(after, await CardAsync(page, "after"));
        Assert.Equal("50", await page.Locator(".wi-move[data-move='0'] .move-slider").InputValueAsync());

        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task A_move_the_host_refuses_shows_its_error_next_to_that_move_and_keeps_the_last_result_dimmed()
    {
        await DemoSourcingAsync();
        await using var browser = await BrowserSession.OpenSignedInAsync(fx.Host, "manager", "manager-demo");
        var page = browser.Page;
        await page.GotoAsync($"{fx.Host.BaseUrl}/sourcing?factory={Factory}&part={Part}&view=whatif&scope=part&move=CN-VN-80");
        await page.WaitForFunctionAsync("() => document.querySelector('.wi-layout')?.dataset.state === 'ok'", null, Wait);
        Assert.Equal("6800", await page.Locator(".wi-after").GetAttributeAsync("data-hhi")); // 80² + 20²
        Assert.Empty(browser.Errors);

        // A second move out of China: only the 20 % China still holds may move; ask for 60 % by typing it.
        await page.Locator(".wi-add").ClickAsync();
        var second = page.Locator(".wi-move[data-move='1']");
        await second.WaitForAsync();
        Assert.Equal("VN", await second.Locator(".move-from").InputValueAsync()); // the largest holder now
        Assert.Equal(["VN", "CN"], await second.Locator(".move-from option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)"));
        await second.Locator(".move-from").SelectOptionAsync("CN");
        await page.WaitForFunctionAsync("() => document.querySelector(\".wi-move[data-move='1']\").dataset.max === '20'", null, Wait);
        // Its suggested 10 % is within the limit: VN 80, CN 10, TH 10.
        await page.WaitForFunctionAsync("() => document.querySelector('.wi-layout').dataset.state === 'ok' && document.querySelector('.wi-after').dataset.hhi === '6600'", null, Wait);
        await second.Locator(".move-pct").FillAsync("60");
        await page.WaitForFunctionAsync("() => document.querySelector('.wi-layout').dataset.state === 'error'", null, Wait);
        Assert.Contains("cannot move", await second.Locator(".move-errors").InnerTextAsync());
        Assert.Equal(0, await page.Locator(".wi-move[data-move='0'] .move-errors li").CountAsync());
        Assert.True(await page.Locator(".wi-result.stale").IsVisibleAsync(), "the last valid result stays, dimmed");
        Assert.Equal("6600", await page.Locator(".wi-after").GetAttributeAsync("data-hhi"));
        // The browser logs the refused request itself; nothing else went wrong.
        Assert.All(browser.Errors, e => Assert.Contains("400", e));

        // Back within the limit: the error goes and the result follows.
        await second.Locator(".move-pct").FillAsync("20");
        await page.WaitForFunctionAsync("() => document.querySelector('.wi-layout').dataset.state === 'ok' && document.querySelector('.wi-after').dataset.hhi === '6800'", null, Wait);
        Assert.Equal(0, await second.Locator(".move-errors li").CountAsync());
        Assert.False(await page.Locator(".wi-result.stale").IsVisibleAsync());
        Assert.Contains("TH 20 %", await page.Locator(".wi-after .share-bar").InnerTextAsync());
    }

    private sealed record Card(double Hhi, double Duty, double Lead, double Dlt);

    private static async Task<Card> CardAsync(IPage page, string side)
    {
        var card = page.Locator($".wi-{side}");
        async Task<double> Read(string attribute) =>
            double.Parse((await card.GetAttributeAsync(attribute)) ?? throw new InvalidOperationException($"{side} card has no {attribute}"), System.Globalization.CultureInfo.InvariantCulture);
        return new Card(await Read("data-hhi"), await Read("data-duty"), await Read("data-lead"), await Read("data-dlt"));
    }

    /// <summary>The demo network seeds in the background after start: wait until the factory's parts have their sources.</summary>
    private async Task DemoSourcingAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await fx.Host.Http.GetAsync($"/api/factories/{Factory}/sourcing");
            if (response.IsSuccessStatusCode)
            {
                var parts = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("parts");
                if (parts.GetArrayLength() == 4 && parts.EnumerateArray().All(p => p.GetProperty("countryShares").GetArrayLength() > 0)) return;
            }
            Assert.True(DateTime.UtcNow < deadline, $"the demo factory {Factory} has no sourcing after 30 s ({(int)response.StatusCode})");
            await Task.Delay(250);
        }
    }
}
