using Microsoft.Playwright;

namespace Visibility.Integration.Tests.Browser;

/// <summary>
/// Headless Debian Chromium driven by Playwright (its own browser download does not work here). Collects console
/// errors and page errors so a test can assert the page ran clean.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    public IPage Page { get; }
    public List<string> Errors { get; } = [];

    private BrowserSession(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
        page.Console += (_, msg) => { if (msg.Type == "error") lock (Errors) Errors.Add("console: " + msg.Text); };
        page.PageError += (_, error) => { lock (Errors) Errors.Add("page: " + error); };
    }

    public static async Task<BrowserSession> OpenAsync(int width = 1600, int height = 900)
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: apt-get install chromium");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        return new BrowserSession(playwright, browser, page);
    }

    /// <summary>Opens a browser already signed in to <paramref name="host"/> (as the admin unless told otherwise).</summary>
    public static async Task<BrowserSession> OpenSignedInAsync(HostProcess host, string username = "admin", string? password = null,
        int width = 1600, int height = 900)
    {
        var session = await OpenAsync(width, height);
        await session.SignInAsync(host, username, password ?? TestAuth.AdminPassword);
        return session;
    }

    /// <summary>Puts a session from POST /api/auth/token where the dashboard keeps it, before any page script runs.</summary>
    public async Task SignInAsync(HostProcess host, string username, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token") { Content = JsonContent.Create(new { username, password }) };
        using var response = await host.Http.SendAsync(request);
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"sign-in as {username}: {(int)response.StatusCode} {json}");
        await Page.Context.AddInitScriptAsync($"localStorage.setItem('visibility.session', {JsonSerializer.Serialize(json)});");
    }

    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(TestPaths.ArtifactsDir, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
