using Microsoft.AspNetCore.SignalR;

namespace Visibility.Host.Live;

public static class LiveSetup
{
    /// <summary>SignalR, the per-silo map picture, the broadcaster that feeds /hubs/live and the guard of its sessions.</summary>
    public static IServiceCollection AddVisibilityLive(this IServiceCollection services)
    {
        services.AddSignalR(o =>
        {
            o.MaximumReceiveMessageSize = 32 * 1024;
            o.AddFilter<HubSessionFilter>();
        });
        // Connections end with their user's session: disabled, changed, or the token expired (README, "Sessions end").
        services.AddSingleton<HubSessions>();
        services.AddHostedService(sp => sp.GetRequiredService<HubSessions>());
        services.AddSingleton<HubSessionFilter>();
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
