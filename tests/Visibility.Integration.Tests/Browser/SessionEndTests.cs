using Microsoft.Playwright;

namespace Visibility.Integration.Tests.Browser;

public sealed class SessionEndBrowserFixture : HostFixture
{
    protected override IDictionary<string, string> Settings => new Dictionary<string, string> { ["Demo:Seed"] = "false" };
}

/// <summary>The dashboard of a user who is disabled while it is open leaves the live map for the sign-in page.</summary>
[Collection("host")]
public sealed class SessionEndBrowserTests(SessionEndBrowserFixture fx) : IClassFixture<SessionEndBrowserFixture>
{
    [Fact]
    public async Task A_disabled_users_open_map_goes_to_the_sign_in_page()
    {
        using (var r = await fx.Host.Http.PostAsJsonAsync("/api/users", new { username = "ui-op", password = "ui-operator-password", role = "operator" }))
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        await using var browser = await BrowserSession.OpenAsync();
        var page = browser.Page;
        await page.GotoAsync(fx.Host.BaseUrl + "/signin");
        await page.FillAsync("#username", "ui-op");
        await page.FillAsync("#password", "ui-operator-password");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("body[data-link='live']", new() { Timeout = 20_000 });

        using (var r = await fx.Host.Http.PostAsync("/api/users/ui-op/disable", null)) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        // The hub closes the connection within seconds; reconnecting gets 401 and the page signs out, not "retrying".
        await page.WaitForURLAsync("**/signin?*reason=expired*", new() { Timeout = 15_000 });
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('visibility.session')"));
    }
}
