using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Visibility.Host.Apis;

namespace Visibility.Host.Hosting;

/// <summary>
/// Request body caps. Kestrel refuses anything over <c>Limits:MaxRequestBodyBytes</c> (1 MiB, the telemetry cap plus
/// slack); each write endpoint has its own, smaller cap (<see cref="WithBodyLimit{TBuilder}"/>, 64 KB unless it says
/// otherwise) that <see cref="JsonBody"/> reads. Over a cap: 413 problem details, whether the body announced its length
/// or came chunked. Endpoints that take no body still have one read and dropped, so a huge one gets 413 there too.
/// </summary>
public static class BodyLimits
{
    public const int DefaultBytes = 64 * 1024;

    /// <summary>A write endpoint's body cap, as ASP.NET Core's own request-size metadata.</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, int bytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodyLimit(bytes));

    private sealed record BodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;

    /// <summary>The cap of the endpoint this request is routed to.</summary>
    public static int For(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize is { } n and <= int.MaxValue ? (int)n : DefaultBytes;

    public static void AddVisibilityBodyLimits(this WebApplicationBuilder builder)
    {
        long max = builder.Configuration.GetValue<long>("Limits:MaxRequestBodyBytes", 1024 * 1024);
        builder.WebHost.ConfigureKestrel(o =>
        {
            o.Limits.MaxRequestBodySize = max;
            o.AddServerHeader = false;
        });
    }

    /// <summary>Runs after authorization (an anonymous caller learns 401 first), before the endpoint.</summary>
    public static IApplicationBuilder UseVisibilityBodyLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || !request.Path.StartsWithSegments("/api") || context.GetEndpoint() is not { } endpoint)
        {
            await next(context);
            return;
        }
        int cap = For(context);
        if (request.ContentLength > cap)
        {
            await TooLarge(cap).ExecuteAsync(context);
            return;
        }
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = cap + 1;
        // An endpoint without a body contract ignores what it is sent: read and drop it here, within the cap.
        if (endpoint.Metadata.GetMetadata<IAcceptsMetadata>() == null && context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: true }
            && !await DrainAsync(request, cap))
        {
            await TooLarge(cap).ExecuteAsync(context);
            return;
        }
        await next(context);
    });

    public static ProblemHttpResult TooLarge(int cap) => Problems.TooLarge($"the body must be at most {cap:N0} bytes");

    private static async Task<bool> DrainAsync(HttpRequest request, int cap)
    {
        var buffer = new byte[4096];
        long total = 0;
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer)) > 0)
                if ((total += read) > cap) return false;
            return true;
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return false;
        }
    }
}
