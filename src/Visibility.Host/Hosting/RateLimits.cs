using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Visibility.Host.Apis;

namespace Visibility.Host.Hosting;

/// <summary>One token bucket: <see cref="Burst"/> requests at once, refilled at <see cref="PerSecond"/>.</summary>
public sealed class TokenBucketLimit
{
    public int Burst { get; set; }
    public double PerSecond { get; set; }

    public TokenBucketRateLimiterOptions ToOptions()
    {
        if (Burst < 1 || !(PerSecond > 0)) throw new InvalidOperationException("RateLimits: Burst must be ≥ 1 and PerSecond > 0");
        // Refill ten times a second when the rate allows, so a limit of 2,000/s does not arrive as one lump per second.
        var (period, tokens) = PerSecond >= 10
            ? (TimeSpan.FromMilliseconds(100), (int)Math.Ceiling(PerSecond / 10))
            : (TimeSpan.FromSeconds(1 / PerSecond), 1);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = Burst, TokensPerPeriod = tokens, ReplenishmentPeriod = period, QueueLimit = 0, AutoReplenishment = true,
        };
    }
}

/// <summary>
/// The "RateLimits" configuration section (README, "Limits"). Defaults are generous: the benchmark pushes ~660 batches/s
/// from one gateway key and must not be throttled by them.
/// </summary>
public sealed class RateLimitOptions
{
    public bool Enabled { get; set; } = true;
    /// <summary>POST /api/telemetry, per tracker key.</summary>
    public TokenBucketLimit Telemetry { get; set; } = new() { Burst = 4_000, PerSecond = 2_000 };
    /// <summary>Every other /api and /hubs call of a signed-in user, per user.</summary>
    public TokenBucketLimit User { get; set; } = new() { Burst = 2_000, PerSecond = 200 };
    /// <summary>/api and /hubs calls without a token (they are refused, but cost a look-up), per client IP.</summary>
    public TokenBucketLimit Anonymous { get; set; } = new() { Burst = 200, PerSecond = 20 };
    /// <summary>POST /api/auth/token, per client IP: password guessing gets 10 tries a minute.</summary>
    public TokenBucketLimit SignIn { get; set; } = new() { Burst = 10, PerSecond = 10.0 / 60 };
}

/// <summary>
/// Rate limits with ASP.NET Core's built-in limiter, one partition per caller: a tracker's key for telemetry, the user
/// for signed-in calls, the client IP for sign-in and anonymous calls. A refused request gets 429 problem details with
/// Retry-After. Static files and health probes are not limited.
/// </summary>
public static class RateLimits
{
    public static void AddVisibilityRateLimits(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        if (!options.Enabled)
        {
            // The middleware stays in the pipeline (Program.cs) and needs its services: registered with no limiter at all.
            builder.Services.AddRateLimiter(_ => { });
            return;
        }
        // Built once: a bad setting stops the start, not the first request.
        var telemetry = options.Telemetry.ToOptions();
        var user = options.User.ToOptions();
        var anonymous = options.Anonymous.ToOptions();
        var signIn = options.SignIn.ToOptions();

        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
            {
                var path = ctx.Request.Path;
                if (!path.StartsWithSegments("/api") && !path.StartsWithSegments("/hubs"))
                    return RateLimitPartition.GetNoLimiter("unlimited");
                if (path.StartsWithSegments("/api/telemetry"))
                {
                    // By the key presented, not by the device id inside it: that id is readable by anyone who sees one
                    // key, and a forged key naming it must not use up the real tracker's budget.
                    string key = ctx.Request.Headers[TelemetryApi.DeviceKeyHeader].ToString();
                    return key.Length is > 0 and <= 300
                        ? RateLimitPartition.GetTokenBucketLimiter("tracker:" + key, _ => telemetry)
                        : RateLimitPartition.GetTokenBucketLimiter("anonymous:" + ClientIp(ctx), _ => anonymous);
                }
                if (HttpMethods.IsPost(ctx.Request.Method) && path.StartsWithSegments("/api/auth/token"))
                    return RateLimitPartition.GetTokenBucketLimiter("sign-in:" + ClientIp(ctx), _ => signIn);
                if (ctx.User.Identity is { IsAuthenticated: true, Name: { } name })
                    return RateLimitPartition.GetTokenBucketLimiter("user:" + name, _ => user);
                return RateLimitPartition.GetTokenBucketLimiter("anonymous:" + ClientIp(ctx), _ => anonymous);
            });
        });
    }

    private static string ClientIp(HttpContext ctx) => ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        int seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problem = TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
            detail: $"Rate limit reached; retry after {seconds} s.",
            extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds });
        await problem.ExecuteAsync(http);
    }
}
