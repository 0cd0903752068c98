namespace Visibility.Host.Disruptions;

public static class DisruptionsSetup
{
    /// <summary>The feed importers and the start-up that wakes suppliers and disruptions (the grains are in Visibility.Grains).</summary>
    public static IServiceCollection AddVisibilityDisruptions(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Disruptions").Get<DisruptionOptions>() ?? new DisruptionOptions();
        services.AddSingleton(options);
        services.AddSingleton<UsgsImporter>();
        services.AddSingleton<PiracyImporter>();
        services.AddHttpClient("usgs", c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddHostedService<DisruptionStartup>();
        return services;
    }
}
