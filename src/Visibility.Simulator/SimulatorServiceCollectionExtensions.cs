using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Visibility.Simulator;

public static class SimulatorServiceCollectionExtensions
{
    /// <summary>
    /// Adds the traffic simulator: binds <see cref="SimulatorOptions"/> from the "Simulator" section and
    /// registers a hosted service that, when Simulator:Enabled is true, waits for the host to listen and
    /// then drives the host's public HTTP API (or Simulator:BaseUrl when set). Safe to call when disabled.
    /// </summary>
    public static IServiceCollection AddVisibilitySimulator(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SimulatorOptions>().Bind(configuration.GetSection(SimulatorOptions.SectionName));
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SimulatorMetrics>();
        // The host replaces this with its own source (it can mint a token and a tracker key without an HTTP sign-in).
        services.TryAddSingleton<ISimulatorCredentialSource, ApiCredentialSource>();
        // The host replaces this too: it waits for its demo network before the simulator reads the suppliers.
        services.TryAddSingleton<IShipperSource, ApiShipperSource>();
        services.AddTransient<SimulatorAuthHandler>();
        services.AddHttpClient("Visibility.Simulator.Auth", c => c.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();
        services.AddHttpClient(SimulatorHostedService.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30))
            .AddHttpMessageHandler<SimulatorAuthHandler>()
            .RemoveAllLoggers(); // one log line per telemetry POST would drown the host's log
        services.AddHostedService<SimulatorHostedService>();
        return services;
    }
}
