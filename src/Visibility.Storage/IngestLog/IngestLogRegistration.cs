using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Visibility.Storage;

public static class IngestLogRegistration
{
    /// <summary>
    /// Registers <see cref="IngestLog"/> as a singleton that is initialized when the host starts (register it before anything
    /// that appends at start-up) and drained when the host stops.
    /// </summary>
    public static IServiceCollection AddIngestLog(this IServiceCollection services, Action<IngestLogOptions> configure)
    {
        services.AddOptions<IngestLogOptions>().Configure(configure);
        services.AddSingleton(sp => new IngestLog(
            sp.GetRequiredService<IOptions<IngestLogOptions>>().Value, sp.GetRequiredService<ILogger<IngestLog>>()));
        services.AddHostedService<IngestLogLifetime>();
        return services;
    }

    private sealed class IngestLogLifetime(IngestLog log) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => log.InitializeAsync(cancellationToken);

        public async Task StopAsync(CancellationToken cancellationToken) => await log.DisposeAsync();
    }
}
