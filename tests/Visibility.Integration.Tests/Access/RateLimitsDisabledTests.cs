using System.Net.Http.Headers;
using static Visibility.Integration.Tests.Shipments.ShipmentApi;

namespace Visibility.Integration.Tests.Access;

/// <summary>
/// The same low limits as <see cref="RateLimitFixture"/> (where a few dozen requests reach 429), switched off with the
/// documented <c>RateLimits:Enabled=false</c>: the host starts (it did not) and serves every request of a burst.
/// </summary>
public sealed class RateLimitsDisabledFixture : HostFixture
{
    public const string Password = "no-limit-password";

    protected override IDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Demo:Seed"] = "false",
        ["RateLimits:Enabled"] = "false",
        ["RateLimits:User:Burst"] = RateLimitFixture.UserBurst.ToString(),
        ["RateLimits:User:PerSecond"] = "0.2",
        ["RateLimits:Telemetry:Burst"] = RateLimitFixture.TrackerBurst.ToString(),
        ["RateLimits:Telemetry:PerSecond"] = "0.1",
        ["RateLimits:SignIn:Burst"] = RateLimitFixture.SignInBurst.ToString(),
        ["RateLimits:SignIn:PerSecond"] = "0.02",
        ["RateLimits:Anonymous:Burst"] = "5",
        ["RateLimits:Anonymous:PerSecond"] = "0.1",
    };
}

[Collection("host")]
public sealed class RateLimitsDisabledTests(RateLimitsDisabledFixture fx) : IClassFixture<RateLimitsDisabledFixture>
{
    [Fact]
    public async Task With_rate_limits_off_a_burst_over_every_limit_is_served()
    {
        var admin = fx.Host.Http;
        using (var created = await admin.PostAsJsonAsync("/api/users", new { username = "nl-user", password = RateLimitsDisabledFixture.Password, role = "operator" }))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await CreateAsync(admin, Booking("NL-1"));
        var route = await RouteAsync(admin, "NL-1");
        var statuses = new List<(string What, HttpStatusCode Status)>();
        using var anonymous = new HttpClient { BaseAddress = new Uri(fx.Host.BaseUrl) };

        // Sign-in: 5 × its burst of 8 from one address (a wrong password among them: refused with 401, not 429).
        for (int i = 0; i < 5 * RateLimitFixture.SignInBurst; i++)
        {
            using var r = await anonymous.PostAsJsonAsync("/api/auth/token", new { username = "nl-user", password = i % 10 == 9 ? "wrong-password" : RateLimitsDisabledFixture.Password });
            statuses.Add(("sign-in", r.StatusCode));
        }
        string token = await TestAuth.TokenAsync(anonymous, "nl-user", RateLimitsDisabledFixture.Password);

        // A user: 3 × its burst of 30.
        using var user = new HttpClient { BaseAddress = new Uri(fx.Host.BaseUrl) };
        user.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        for (int i = 0; i < 3 * RateLimitFixture.UserBurst; i++)
        {
            using var r = await user.GetAsync("/api/shipments/NL-1");
            statuses.Add(("user", r.StatusCode));
        }

        // A tracker: 6 × its burst of 5, every batch applied.
        var at = DateTimeOffset.UtcNow.AddMinutes(-30);
        int batches = 6 * RateLimitFixture.TrackerBurst;
        for (int i = 0; i < batches; i++)
        {
            using var r = await admin.PostAsJsonAsync("/api/telemetry", new[] { Reading("NL-1", $"nl-{i}", at.AddSeconds(i), route[2].Lat, route[2].Lon) });
            statuses.Add(("tracker", r.StatusCode));
        }

        // Anonymous: 4 × its burst of 5 (each refused for want of a token, none for the rate).
        for (int i = 0; i < 20; i++)
        {
            using var r = await anonymous.GetAsync("/api/shipments/NL-1");
            statuses.Add(("anonymous", r.StatusCode));
        }

        Assert.DoesNotContain(statuses, s => s.Status == HttpStatusCode.TooManyRequests);
        Assert.All(statuses.Where(s => s.What == "sign-in"), s => Assert.True(s.Status is HttpStatusCode.OK or HttpStatusCode.Unauthorized, $"sign-in: {s.Status}"));
        Assert.Equal(Enumerable.Range(0, 5 * RateLimitFixture.SignInBurst).Count(i => i % 10 != 9), statuses.Count(s => s.What == "sign-in" && s.Status == HttpStatusCode.OK));
        Assert.All(statuses.Where(s => s.What == "user"), s => Assert.Equal(HttpStatusCode.OK, s.Status));
        Assert.All(statuses.Where(s => s.What == "tracker"), s => Assert.Equal(HttpStatusCode.Accepted, s.Status));
        Assert.All(statuses.Where(s => s.What == "anonymous"), s => Assert.Equal(HttpStatusCode.Unauthorized, s.Status));
        Assert.Equal(batches, (await GetAsync(admin, "NL-1")).GetProperty("readings").GetInt32());
    }
}
