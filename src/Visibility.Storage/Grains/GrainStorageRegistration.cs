using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;

namespace Visibility.Storage;

/// <summary>
/// Registers the blob grain storages as named Orleans providers (<c>[PersistentState("state", "name")]</c>), the Orleans 8+
/// way: named options plus <c>AddGrainStorage(name, factory)</c>, which registers a keyed <c>IGrainStorage</c> and hooks the
/// provider into the silo lifecycle (it creates its container at start).
/// </summary>
public static class GrainStorageRegistration
{
    public static IServiceCollection AddBlobGrainStorage(this IServiceCollection services, string name, Action<BlobStorageOptions> configure)
    {
        services.AddOptions<BlobStorageOptions>(name).Configure(configure);
        return services.AddGrainStorage(name, (sp, key) => new BlobGrainStorage(
            key,
            sp.GetRequiredService<IOptionsMonitor<BlobStorageOptions>>().Get(key),
            sp.GetRequiredService<ILogger<BlobGrainStorage>>(),
            sp.GetService<Orleans.Runtime.IGrainContextAccessor>()));
    }

    public static ISiloBuilder AddBlobGrainStorage(this ISiloBuilder builder, string name, Action<BlobStorageOptions> configure)
    {
        builder.Services.AddBlobGrainStorage(name, configure);
        return builder;
    }

    /// <summary>
    /// Also registers the concrete provider as a keyed singleton, so start-up code can call
    /// <see cref="PackedBlobGrainStorage.ListGrainIdsAsync"/>: <c>sp.GetRequiredKeyedService&lt;PackedBlobGrainStorage&gt;(name)</c>.
    /// </summary>
    public static IServiceCollection AddPackedBlobGrainStorage(this IServiceCollection services, string name, Action<PackedBlobStorageOptions> configure)
    {
        services.AddOptions<PackedBlobStorageOptions>(name).Configure(configure);
        services.AddKeyedSingleton(name, (sp, key) => new PackedBlobGrainStorage(
            (string)key!,
            sp.GetRequiredService<IOptionsMonitor<PackedBlobStorageOptions>>().Get((string)key!),
            sp.GetRequiredService<ILogger<PackedBlobGrainStorage>>(),
            sp.GetService<Orleans.Runtime.IGrainContextAccessor>()));
        return services.AddGrainStorage(name, (sp, key) => sp.GetRequiredKeyedService<PackedBlobGrainStorage>(key));
    }

    public static ISiloBuilder AddPackedBlobGrainStorage(this ISiloBuilder builder, string name, Action<PackedBlobStorageOptions> configure)
    {
        builder.Services.AddPackedBlobGrainStorage(name, configure);
        return builder;
    }
}
