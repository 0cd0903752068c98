using System.Net.Http.Headers;
using static Visibility.Integration.Tests.Shipments.ShipmentApi;

namespace Visibility.Integration.Tests.Access;

/// <summary>Low limits, so a test reaches them in a few dozen requests; the refill is slow enough not to blur the count.</summary>
public sealed class RateLimitFixture : HostFixture
{
    public const int UserBurst = 30;
    public const int TrackerBurst = 5;
    public const int SignInBurst = 8;
    public const string Password = "rate-limit-password";

    protected override IDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Demo:Seed"] = "false",
        ["RateLimits:User:Burst"] = UserBurst.ToString(),
        ["RateLimits:User:PerSecond"] = "0.2",
        ["RateLimits:Telemetry:Burst"] = TrackerBurst.ToString(),
        ["RateLimits:Telemetry:PerSecond"] = "0.1",
        ["RateLimits:SignIn:Burst"] = SignInBurst.ToString(),
        ["RateLimits:SignIn:PerSecond"] = "0.02",
    };

    public string UserA { get; private set; } = "";
    public string UserB { get; private set; } = "";
    public string TrackerA { get; private set; } = "";
    public string TrackerB { get; private set; } = "";
    public (double Lat, double Lon)[] Route { get; private set; } = [];

    // The admin's budget (30) covers this set-up: 2 users, 2 trackers with their assignment, one booking and its route.
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var admin = Host.Http;
        foreach (var name in new[] { "rl-a", "rl-b" })
            using (var r = await admin.PostAsJsonAsync("/api/users", new { username = name, password = Password, role = "operator" }))
                Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        UserA = await TestAuth.TokenAsync(admin, "rl-a", Password);
        UserB = await TestAuth.TokenAsync(admin, "rl-b", Password);
        await CreateAsync(admin, Booking("RL-1"));
        Route = await RouteAsync(admin, "RL-1");
        TrackerA = await TestAuth.CreateDeviceAsync(admin, "rl-tracker-a", "RL-1");
        TrackerB = await TestAuth.CreateDeviceAsync(admin, "rl-tracker-b", "RL-1");
    }
}

/// <summary>429 with Retry-After once a caller's budget is spent; every other caller keeps its own.</summary>
[Collection("host")]
public sealed class RateLimitTests(RateLimitFixture fx) : IClassFixture<RateLimitFixture>
{
    private HttpClient Client(string? token = null, string? deviceKey = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(fx.Host.BaseUrl) };
        if (token != null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (deviceKey != null) client.DefaultRequestHeaders.Add("X-Device-Key", deviceKey);
        return client;
    }

    /// <summary>Sends until the first 429 (at most <paramref name="max"/> tries); returns how many got through and the 429.</summary>
    private static async Task<(int Passed, HttpResponseMessage Refused)> UntilRefusedAsync(Func<int, Task<HttpResponseMessage>> send, int max)
    {
        for (int i = 0; i < max; i++)
        {
            var response = await send(i);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) return (i, response);
            response.Dispose();
        }
        throw new Xunit.Sdk.XunitException($"no 429 after {max} requests");
    }

    private static async Task<int> AssertTooManyAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(429, problem.GetProperty("status").GetInt32());
            var retryAfter = response.Headers.RetryAfter?.Delta ?? throw new Xunit.Sdk.XunitException("no Retry-After header");
            Assert.InRange(retryAfter.TotalSeconds, 1, 60);
            Assert.Equal((int)retryAfter.TotalSeconds, problem.GetProperty("retryAfterSeconds").GetInt32());
            return (int)retryAfter.TotalSeconds;
        }
    }

    [Fact]
    public async Task A_user_over_the_limit_gets_429_with_Retry_After_and_other_users_are_unaffected()
    {
        using var a = Client(fx.UserA);
        using var b = Client(fx.UserB);
        var (passed, refused) = await UntilRefusedAsync(_ => a.GetAsync("/api/auth/me"), 3 * RateLimitFixture.UserBurst);
        // The burst, plus the odd token refilled (one per 5 s) while the loop ran.
        Assert.InRange(passed, RateLimitFixture.UserBurst, RateLimitFixture.UserBurst + 3);
        int wait = await AssertTooManyAsync(refused);

        using (var other = await b.GetAsync("/api/auth/me")) Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        // The limit counts writes too, and a refused write is not carried out.
        using (var write = await a.PostAsJsonAsync("/api/shipments", Booking("RL-REFUSED")))
            Assert.Equal(HttpStatusCode.TooManyRequests, write.StatusCode);
        using (var missing = await b.GetAsync("/api/shipments/RL-REFUSED")) Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        // Retry-After is honest: after it, the user gets through again.
        await Task.Delay(TimeSpan.FromSeconds(wait) + TimeSpan.FromMilliseconds(300));
        using (var again = await a.GetAsync("/api/auth/me")) Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task A_tracker_over_its_limit_gets_429_and_another_tracker_is_unaffected()
    {
        using var a = Client(deviceKey: fx.TrackerA);
        using var b = Client(deviceKey: fx.TrackerB);
        var at = DateTimeOffset.UtcNow.AddMinutes(-30);
        object Batch(string tracker, int i) => new[] { Reading("RL-1", $"{tracker}-{i}", at.AddSeconds(i), fx.Route[2].Lat, fx.Route[2].Lon) };

        var (passed, refused) = await UntilRefusedAsync(i => a.PostAsJsonAsync("/api/telemetry", Batch("a", i)), 4 * RateLimitFixture.TrackerBurst);
        Assert.InRange(passed, RateLimitFixture.TrackerBurst, RateLimitFixture.TrackerBurst + 1);
        await AssertTooManyAsync(refused);

        using (var other = await b.PostAsJsonAsync("/api/telemetry", Batch("b", 0))) Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
        // A user's budget is not a tracker's: the user who reads the shipment is not throttled by it.
        using var reader = Client(fx.UserB);
        var view = await reader.GetFromJsonAsync<JsonElement>("/api/shipments/RL-1");
        Assert.Equal(passed + 1, view.GetProperty("readings").GetInt32()); // the refused batch was not applied
    }

    [Fact]
    public async Task Sign_in_attempts_from_one_address_are_limited_and_signed_in_users_carry_on()
    {
        using var anonymous = Client();
        var (passed, refused) = await UntilRefusedAsync(
            _ => anonymous.PostAsJsonAsync("/api/auth/token", new { username = "rl-a", password = "guess-" + Guid.NewGuid() }),
            3 * RateLimitFixture.SignInBurst);
        // The fixture's own three sign-ins used part of the burst.
        Assert.InRange(passed, 1, RateLimitFixture.SignInBurst);
        await AssertTooManyAsync(refused);

        // Even the right password waits now: the limit is on attempts, not on failures.
        using (var right = await anonymous.PostAsJsonAsync("/api/auth/token", new { username = "rl-a", password = RateLimitFixture.Password }))
            Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        using var b = Client(fx.UserB);
        using (var call = await b.GetAsync("/api/auth/me")) Assert.Equal(HttpStatusCode.OK, call.StatusCode);
    }
}
