using Scalar.AspNetCore;
using Serilog;
using Serilog.Events;
using Visibility.Host.Apis;
using Visibility.Host.Audit;
using Visibility.Host.Auth;
using Visibility.Host.Demo;
using Visibility.Host.Disruptions;
using Visibility.Host.Hosting;
using Visibility.Host.Ingest;
using Visibility.Host.Live;
using Visibility.Host.ReferenceData;
using Visibility.Host.Sourcing;
using Visibility.Simulator;

// Visibility host: ASP.NET Core + co-hosted Orleans silo + SignalR + the built dashboard. See README for the map.
Log.Logger = new LoggerConfiguration().MinimumLevel.Information().Enrich.With<SecretRedaction>().WriteTo.Console().CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Services.AddSerilog((services, lc) => lc
        .ReadFrom.Configuration(builder.Configuration)
        .ReadFrom.Services(services)
        .Enrich.FromLogContext()
        .Enrich.With<SecretRedaction>()   // last: masks tokens, keys and passwords in whatever the others added
        .WriteTo.Console());

    var bootLogger = LoggerFactory.Create(b => b.AddSerilog(Log.Logger)).CreateLogger("Visibility.Startup");
    var storage = await builder.AddVisibilityStorageAsync(bootLogger);
    builder.AddVisibilityReferenceData();
    builder.AddVisibilityOrleans(storage);
    await builder.AddVisibilityAuthAsync(storage, bootLogger);
    builder.Services.AddVisibilityIngest();
    builder.Services.AddVisibilityLive();
    builder.Services.AddVisibilityHealth();
    builder.Services.AddVisibilityApi();
    builder.Services.AddVisibilitySourcing(builder.Configuration, builder.Environment);
    builder.Services.AddVisibilityDemo();
    builder.AddVisibilitySecurity();
    builder.Services.AddVisibilityAudit(storage, builder.Configuration);
    builder.Services.AddVisibilityDisruptions(builder.Configuration);
    builder.Services.AddVisibilitySimulator(builder.Configuration);

    var app = builder.Build();
    app.Lifetime.ApplicationStopped.Register(() => storage.DisposeAsync().AsTask().GetAwaiter().GetResult());

    // Order matters: headers on everything (error pages too); the user is known before the rate limiter partitions by
    // it; the audit sees who called and how it ended, including 401/403; body caps apply once access is settled.
    app.UseVisibilitySecurityHeaders();
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    // The path only, never the query string (SignalR's access_token travels there); SecretRedaction is the backstop.
    app.UseSerilogRequestLogging(o => o.GetLevel = (ctx, _, ex) =>
        ex != null || ctx.Response.StatusCode >= 500 ? LogEventLevel.Error
        : ctx.Request.Path.StartsWithSegments("/api/telemetry") && ctx.Response.StatusCode < 400 ? LogEventLevel.Verbose
        : ctx.Response.StatusCode >= 400 ? LogEventLevel.Information
        : LogEventLevel.Debug);
    app.UseAuthentication();
    app.UseRateLimiter();
    app.UseVisibilityAudit();
    app.UseAuthorization();
    app.UseVisibilityBodyLimits();

    app.MapVisibilityHealth();
    app.MapOpenApi();
    // Under its content security policy (SecurityHeaders.ReferencePolicy): no CDN fonts, and Zod (inside Scalar) told
    // up front to validate without compiling code, instead of probing with Function("") and tripping the no-eval rule.
    app.MapScalarApiReference("/api/reference", o => o.WithTitle("Visibility API reference").DisableDefaultFonts()
        .AddHeadContent("<script>globalThis.__zod_globalConfig = { jitless: true };</script>")).AllowAnonymous();
    // Every API endpoint checks its path ids the same way (RouteIds), and every write is acknowledged only once durable.
    var api = app.MapGroup("").AddEndpointFilter(RouteIds.Check).AddEndpointFilter<DurableAcknowledgement>();
    api.MapAuthApi();
    api.MapUsersApi();
    api.MapDevicesApi();
    api.MapLocationsApi();
    api.MapRoutesApi();
    api.MapShipmentsApi();
    api.MapTelemetryApi();
    api.MapSuppliersApi();
    api.MapFactoriesApi();
    api.MapDisruptionsApi();
    api.MapMapApi();
    api.MapTariffsApi();
    api.MapSourcingApi();
    api.MapDiagnosticsApi();
    api.MapAuditApi();
    // The bearer handler puts the token's expiry on the ticket, so SignalR closes a connection whose token has expired
    // (checked each second); HubSessions ends connections whose user changed, and is the backstop for the expiry.
    app.MapHub<LiveHub>("/hubs/live", o => o.CloseOnAuthenticationExpiration = true).RequireAuthorization(Policies.AnyUser);
    app.MapVisibilityDashboard();
    EndpointRules.Verify(app);

    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "Visibility host terminated unexpectedly");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Exposed for tests that reference the host assembly.</summary>
public partial class Program;
