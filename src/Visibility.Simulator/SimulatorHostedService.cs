using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Visibility.Simulator;

/// <summary>
/// Runs the simulator in the background of a host. Inside the web host it waits until the host is started
/// (so its addresses are bound) and calls the host's own API; standalone (no web server in the container)
/// it needs BaseUrl and stops the process when the run ends (an AIS replay is finite).
/// A simulator failure is logged and never takes the host down.
/// </summary>
public sealed class SimulatorHostedService(
    IOptions<SimulatorOptions> options,
    IServiceProvider services,
    IHostApplicationLifetime lifetime,
    IHttpClientFactory httpClients,
    SimulatorMetrics metrics,
    ILoggerFactory loggerFactory,
    TimeProvider time) : BackgroundService
{
    public const string HttpClientName = "Visibility.Simulator";

    private readonly ILogger _logger = loggerFactory.CreateLogger("Visibility.Simulator");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled) return;
        var server = services.GetService<IServer>();
        try
        {
            var problems = settings.Validate();
            if (problems.Count > 0)
            {
                _logger.LogError("Simulator: not started, invalid settings: {Problems}", string.Join("; ", problems));
                return;
            }

            await WaitForStartAsync(stoppingToken);
            var baseUrl = ResolveBaseUrl(settings, server);
            if (baseUrl is null)
            {
                _logger.LogError("Simulator: not started: no Simulator:BaseUrl and no listening address of the host to call");
                return;
            }

            var http = httpClients.CreateClient(HttpClientName);
            http.BaseAddress = baseUrl;
            var api = new VisibilityApiClient(http, _logger, metrics, settings.MaxConcurrentRequests, time);
            LogBanner(settings, baseUrl);
            await WaitUntilLiveAsync(api, stoppingToken);

            if (!string.IsNullOrWhiteSpace(settings.AisReplayPath))
                await new AisReplay(settings, api, _logger, time).RunAsync(settings.AisReplayPath, stoppingToken);
            else
                await new SimulatorRunner(settings, api, metrics, _logger, time, services.GetService<IShipperSource>()).RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Simulator: stopped by an unexpected error; the host keeps running");
        }
        finally
        {
            _logger.LogInformation("Simulator: stopped; {Readings} readings accepted in {Batches} batches, {Errors} errors",
                metrics.ReadingsSent, metrics.Batches, metrics.Errors);
            if (server is null) lifetime.StopApplication(); // standalone: the run is the whole program
        }
    }

    private static Uri? ResolveBaseUrl(SimulatorOptions settings, IServer? server)
    {
        if (!string.IsNullOrWhiteSpace(settings.BaseUrl))
        {
            var uri = new Uri(settings.BaseUrl, UriKind.Absolute);
            return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri + "/");
        }
        var addresses = server?.Features.Get<IServerAddressesFeature>()?.Addresses;
        return addresses is null ? null : SelfAddress.Pick(addresses);
    }

    /// <summary>ApplicationStarted fires once every hosted service, the web server included, has started.</summary>
    private Task WaitForStartAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(ct);
    }

    private async Task WaitUntilLiveAsync(VisibilityApiClient api, CancellationToken ct)
    {
        bool logged = false;
        while (!await api.IsLiveAsync(ct))
        {
            if (!logged)
            {
                _logger.LogWarning("Simulator: waiting for {Url}health/live to answer", api.BaseAddress);
                logged = true;
            }
            await Task.Delay(TimeSpan.FromSeconds(2), time, ct);
        }
    }

    private void LogBanner(SimulatorOptions s, Uri baseUrl)
    {
        string pace = s.TimeScale == 1
            ? "real time"
            : $"ACCELERATED x{s.TimeScale:0.##} (demo: voyages advance {s.TimeScale:0.##} times faster than real ships)";
        if (!string.IsNullOrWhiteSpace(s.AisReplayPath))
            _logger.LogInformation("Simulator: replaying real AIS positions from {Path} against {Url}, times shifted to now, {Pace}; cargo is unknown (none sent)",
                s.AisReplayPath, baseUrl, pace);
        else
            _logger.LogInformation(
                "Simulator: generating SYNTHETIC shipments and telemetry (not real data) against {Url}: {Shipments} voyages, a reading each {Interval}s per voyage, {Pace}, seed {Seed}, ids {Prefix}*",
                baseUrl, s.Shipments, s.ReportIntervalSeconds, pace, s.Seed, s.IdPrefix);
    }
}
