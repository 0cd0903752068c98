using System.Text;

namespace Visibility.Integration.Tests.Access;

public sealed class SecurityHeadersFixture : HostFixture
{
    protected override IDictionary<string, string> Settings => new Dictionary<string, string> { ["Demo:Seed"] = "false" };
}

/// <summary>Security headers on every kind of answer, and the content security policy each kind gets.</summary>
[Collection("host")]
public sealed class SecurityHeadersTests(SecurityHeadersFixture fx) : IClassFixture<SecurityHeadersFixture>
{
    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values) : "";

    /// <summary>The directives of a policy: name → sources.</summary>
    private static Dictionary<string, string[]> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(d => d[0], d => d[1..]);

    private static void AssertCommonHeaders(HttpResponseMessage response, string what)
    {
        Assert.True(Header(response, "X-Content-Type-Options") == "nosniff", what);
        Assert.True(Header(response, "X-Frame-Options") == "DENY", what);
        Assert.True(Header(response, "Referrer-Policy") == "no-referrer", what);
        Assert.True(Header(response, "Cross-Origin-Opener-Policy") == "same-origin", what);
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
        Assert.False(response.Headers.Contains("Server"), $"{what}: the server does not name itself");
    }

    [Fact]
    public async Task Every_kind_of_answer_carries_the_security_headers()
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(fx.Host.BaseUrl) };
        var index = await anonymous.GetStringAsync("/");
        var script = System.Text.RegularExpressions.Regex.Match(index, "src=\"(/assets/[^\"]+\\.js)\"").Groups[1].Value;
        Assert.NotEmpty(script);

        var requests = new (string What, Func<Task<HttpResponseMessage>> Send)[]
        {
            ("dashboard", () => anonymous.GetAsync("/")),
            ("deep link", () => anonymous.GetAsync("/board")),
            ("script", () => anonymous.GetAsync(script)),
            ("JSON", () => fx.Host.Http.GetAsync("/api/locations/CNSHA")),
            ("404 problem", () => fx.Host.Http.GetAsync("/api/nothing-here")),
            ("401 problem", () => anonymous.GetAsync("/api/shipments")),
            ("400 problem", () => fx.Host.Http.PostAsync("/api/shipments", new StringContent("{", Encoding.UTF8, "application/json"))),
            ("413 problem", () => fx.Host.Http.PostAsync("/api/shipments", new StringContent(new string(' ', 70_000), Encoding.UTF8, "application/json"))),
            ("health", () => anonymous.GetAsync("/health/live")),
            ("API reference", () => anonymous.GetAsync("/api/reference/")),
            ("OpenAPI document", () => anonymous.GetAsync("/openapi/v1.json")),
        };
        foreach (var (what, send) in requests)
        {
            using var response = await send();
            AssertCommonHeaders(response, what);
        }
    }

    [Fact]
    public async Task The_dashboard_policy_allows_only_its_own_scripts_styles_and_connections()
    {
        using var response = await new HttpClient().GetAsync(fx.Host.BaseUrl + "/suppliers");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = Directives(Header(response, "Content-Security-Policy"));
        Assert.Equal(["'self'"], policy["default-src"]);
        Assert.Equal(["'self'"], policy["script-src"]);
        Assert.Equal(["'self'"], policy["style-src"]);
        Assert.Equal(["'self'", "data:"], policy["img-src"]);
        Assert.Equal(["'none'"], policy["object-src"]);
        Assert.Equal(["'none'"], policy["frame-ancestors"]);
        // SignalR: its WebSocket to this host, not to any host.
        var host = new Uri(fx.Host.BaseUrl).Authority;
        Assert.Equal(["'self'", $"ws://{host}", $"wss://{host}"], policy["connect-src"]);
        Assert.DoesNotContain(policy.Values.SelectMany(v => v), s => s is "'unsafe-eval'" or "'unsafe-inline'" or "*" or "ws:" or "wss:" or "https:");
    }

    [Fact]
    public async Task Api_answers_may_load_nothing_and_the_reference_runs_without_eval()
    {
        using (var response = await fx.Host.Http.GetAsync("/api/locations/CNSHA"))
            Assert.Equal("default-src 'none'; frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
        using (var response = await new HttpClient().GetAsync(fx.Host.BaseUrl + "/api/reference/"))
        {
            var policy = Directives(Header(response, "Content-Security-Policy"));
            Assert.Equal(["'self'", "'unsafe-inline'"], policy["script-src"]); // Scalar starts itself with an inline module
            Assert.DoesNotContain(policy.Values.SelectMany(v => v), s => s is "'unsafe-eval'" or "*" or "https:");
        }
    }
}
