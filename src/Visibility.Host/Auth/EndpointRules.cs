using Microsoft.AspNetCore.Authorization;

namespace Visibility.Host.Auth;

/// <summary>
/// Refuses to start a host with an API endpoint that names no access rule: every /api and /hubs endpoint must require
/// a policy or be explicitly anonymous. A new endpoint without a rule fails at start-up, and in every test.
/// </summary>
public static class EndpointRules
{
    /// <summary>Endpoints anyone may call, by route pattern (health, sign-in, the API description and the telemetry
    /// endpoint, which authenticates trackers by key itself).</summary>
    public static void Verify(IEndpointRouteBuilder app)
    {
        var missing = new List<string>();
        foreach (var endpoint in app.DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (!pattern.StartsWith("/api", StringComparison.Ordinal) && !pattern.StartsWith("/hubs", StringComparison.Ordinal)) continue;
            bool ruled = endpoint.Metadata.GetMetadata<IAllowAnonymous>() != null || endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0;
            if (!ruled) missing.Add($"{string.Join(",", endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])} {pattern}");
        }
        if (missing.Count > 0)
            throw new InvalidOperationException("These endpoints have no access rule (RequireAuthorization or AllowAnonymous): " + string.Join("; ", missing));
    }

    /// <summary>Every /api and /hubs endpoint with its rule, for the authorisation matrix test (GET /api/diagnostics/endpoints).</summary>
    public static IEnumerable<EndpointRule> Describe(IEnumerable<EndpointDataSource> sources) =>
        sources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Pattern: "/" + (e.RoutePattern.RawText ?? "").Trim('/')))
            .Where(x => x.Pattern.StartsWith("/api", StringComparison.Ordinal) || x.Pattern.StartsWith("/hubs", StringComparison.Ordinal))
            .SelectMany(x => (x.Endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => new EndpointRule(
                m, x.Pattern,
                x.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() != null ? "anonymous"
                    : string.Join(",", x.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? "authenticated")))))
            .Distinct()
            .OrderBy(r => r.Pattern, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal);
}

public sealed record EndpointRule(string Method, string Pattern, string Rule);
