namespace Visibility.Host.Hosting;

/// <summary>
/// Security headers on every response, and a Content-Security-Policy: the dashboard's (its own scripts, styles and
/// data only; SignalR's WebSocket to this host), a relaxed one for the Scalar API reference (which runs an inline
/// start-up script and injects styles), and "nothing at all" for API answers and other non-HTML responses.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The built dashboard. 'self' covers ws:/wss: to the same host in current browsers; the explicit ws/wss origin of
    /// this host is there for those that do not. No 'unsafe-inline', no 'unsafe-eval': the app sets styles through the
    /// CSSOM (element.style), which a policy does not restrict.
    /// </summary>
    public static string DashboardPolicy(string? host) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        $"connect-src 'self'{(IsPlainHost(host) ? $" ws://{host} wss://{host}" : "")}; worker-src 'self'; manifest-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The Host header goes into the policy only when it is a plain host[:port], never anything that could end a directive.</summary>
    private static bool IsPlainHost(string? host) =>
        !string.IsNullOrEmpty(host) && host.Length <= 255 && host.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':' or '[' or ']');

    /// <summary>Scalar's page starts itself with an inline module script and injects its CSS; it draws no remote data.</summary>
    public const string ReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>JSON, problem details, scripts and other files: they are never documents, so they may load nothing.</summary>
    public const string NonDocumentPolicy = "default-src 'none'; frame-ancestors 'none'";

    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    /// <summary>First in the pipeline; the headers are written when the response starts, so error pages get them too.</summary>
    public static IApplicationBuilder UseVisibilitySecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(static state =>
        {
            var ctx = (HttpContext)state;
            var headers = ctx.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            if (ctx.Request.IsHttps) headers.StrictTransportSecurity = "max-age=31536000";
            headers.ContentSecurityPolicy = PolicyFor(ctx);
            return Task.CompletedTask;
        }, context);
        return next(context);
    });

    private static string PolicyFor(HttpContext ctx)
    {
        if (ctx.Request.Path.StartsWithSegments("/api/reference")) return ReferencePolicy;
        string? type = ctx.Response.ContentType;
        return type != null && type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)
            ? DashboardPolicy(ctx.Request.Host.Value)
            : NonDocumentPolicy;
    }
}
