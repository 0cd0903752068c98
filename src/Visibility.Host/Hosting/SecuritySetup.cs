using Microsoft.AspNetCore.Diagnostics;

namespace Visibility.Host.Hosting;

/// <summary>
/// Hardening in one place: body caps, rate limits, security headers and the CSP, and a 4xx (not a 500) when a request
/// breaks a limit deep inside the framework. The pipeline order is in Program.cs; each piece says where it belongs.
/// </summary>
public static class SecuritySetup
{
    public static void AddVisibilitySecurity(this WebApplicationBuilder builder)
    {
        builder.AddVisibilityBodyLimits();
        builder.AddVisibilityRateLimits();
        // Kestrel's own refusals (body over its limit, a bad chunk) surface as BadHttpRequestException: answer with
        // their status (413, 400) as problem details rather than a 500.
        builder.Services.Configure<ExceptionHandlerOptions>(o => o.StatusCodeSelector = ex =>
            ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError);
    }
}
