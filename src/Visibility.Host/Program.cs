using Scalar.AspNetCore;
using Serilog;
using Serilog.Events;
using Visibility.Host.Apis;
using Visibility.Host.Auth;
using Visibility.Host.Disruptions;
using Visibility.Host.Hosting;
using Visibility.Host.Ingest;
using Visibility.Host.Live;
using Visibility.Host.ReferenceData;
using Visibility.Simulator;

// Visibility host: ASP.NET Core + co-hosted Orleans silo + SignalR + the built dashboard. See README for the map.
Log.Logger = new LoggerConfiguration().MinimumLevel.Information().WriteTo.Console().CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Services.AddSerilog((services, lc) => lc
        .ReadFrom.Configuration(builder.Configuration)
        .ReadFrom.Services(services)
        .Enrich.FromLogContext()
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
    builder.Services.AddVisibilityDisruptions(builder.Configuration);
    builder.Services.AddVisibilitySimulator(builder.Configuration);
    builder.Services.AddHostedService<Visibility.Host.Demo.DemoNetworkSeeder>();

    var app = builder.Build();
    app.Lifetime.ApplicationStopped.Register(() => storage.DisposeAsync().AsTask().GetAwaiter().GetResult());

    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseSerilogRequestLogging(o => o.GetLevel = (ctx, _, ex) =>
        ex != null || ctx.Response.StatusCode >= 500 ? LogEventLevel.Error
        : ctx.Request.Path.StartsWithSegments("/api/telemetry") && ctx.Response.StatusCode < 400 ? LogEventLevel.Verbose
        : ctx.Response.StatusCode >= 400 ? LogEventLevel.Information
        : LogEventLevel.Debug);

    app.MapVisibilityHealth();
    app.MapOpenApi();
    app.MapScalarApiReference("/api/reference", o => o.WithTitle("Visibility API reference")).AllowAnonymous();
    app.MapAuthApi();
    app.MapUsersApi();
    app.MapDevicesApi();
    app.MapLocationsApi();
    app.MapRoutesApi();
    app.MapShipmentsApi();
    app.MapTelemetryApi();
    app.MapSuppliersApi();
    app.MapFactoriesApi();
    app.MapDisruptionsApi();
    app.MapMapApi();
    app.MapDiagnosticsApi();
    app.MapHub<LiveHub>("/hubs/live").RequireAuthorization(Policies.AnyUser);
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
