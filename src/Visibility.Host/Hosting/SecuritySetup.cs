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
        // their status (413, 400) as problem details rather than a 500. A body System.Text.Json could not read, wherever
        // it was read, is the client's fault too (400). JsonBody refuses such bodies first, with the field named; this
        // is the backstop for any reader behind it.
        builder.Services.Configure<ExceptionHandlerOptions>(o => o.StatusCodeSelector = StatusFor);
    }

    public static int StatusFor(Exception ex) => ex switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        System.Text.Json.JsonException => StatusCodes.Status400BadRequest,
        // Utf8JsonReader's "Cannot transcode invalid UTF-8" / "invalid surrogate" family: thrown while a string of the
        // body is read, marked by System.Text.Json as one to rethrow as a JsonException.
        InvalidOperationException { Source: "System.Text.Json.Rethrowable" } => StatusCodes.Status400BadRequest,
        _ when ex.InnerException is BadHttpRequestException or System.Text.Json.JsonException => StatusFor(ex.InnerException),
        _ => StatusCodes.Status500InternalServerError,
    };
}
