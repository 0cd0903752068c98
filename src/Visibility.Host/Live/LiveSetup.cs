namespace Visibility.Host.Live;

public static class LiveSetup
{
    /// <summary>SignalR, the per-silo map picture and the broadcaster that feeds /hubs/live.</summary>
    public static IServiceCollection AddVisibilityLive(this IServiceCollection services)
    {
        services.AddSignalR(o => o.MaximumReceiveMessageSize = 32 * 1024);
        services.AddSingleton<LiveMapState>();
        services.AddSingleton<BufferBoardState>();
        services.AddSingleton<SupplierDirectoryState>();
        services.AddSingleton<DisruptionFeedState>();
        services.AddSingleton<ShipmentWatchers>();
        services.AddSingleton<LiveMapBroadcaster>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveMapBroadcaster>());
        return services;
    }
}
