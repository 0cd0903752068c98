using Visibility.Simulator;

namespace Visibility.Host.Demo;

public static class DemoSetup
{
    /// <summary>The demo network seeder, and the simulator's shippers that wait for it. Before AddVisibilitySimulator.</summary>
    public static IServiceCollection AddVisibilityDemo(this IServiceCollection services)
    {
        services.AddSingleton<DemoSeedStatus>();
        services.AddSingleton<IShipperSource, DemoShipperSource>();
        services.AddHostedService<DemoNetworkSeeder>();
        return services;
    }
}
