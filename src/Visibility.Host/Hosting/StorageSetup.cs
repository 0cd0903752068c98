using Azure.Storage.Blobs;
using Visibility.Storage;

namespace Visibility.Host.Hosting;

/// <summary>
/// Where state lives. With <c>Storage:ConnectionString</c> set, that Azure Storage account; without it (the embedded
/// default) the host runs Azurite itself (<see cref="EmbeddedStorage"/>): data under <c>Storage:DataPath</c> in a folder only
/// this user can read, a generated account key, restarted if it dies or stalls, saved before every acknowledgement, and
/// stopped last, after the final checkpoint.
/// </summary>
public static class StorageSetup
{
    public static async Task<StorageConnection> AddVisibilityStorageAsync(this WebApplicationBuilder builder, ILogger logger)
    {
        var config = builder.Configuration;
        string? connectionString = config["Storage:ConnectionString"];
        EmbeddedStorage? embedded = null;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            // Relative to the repository when the host runs from a checkout (dotnet run moves the working directory).
            var baseDir = ReferenceData.RepositoryPaths.FindRepositoryRoot(builder.Environment.ContentRootPath) ?? Directory.GetCurrentDirectory();
            var dataPath = Path.GetFullPath(config["Storage:DataPath"] ?? ".data", baseDir);
            PrivateFolder.Create(dataPath);
            embedded = await EmbeddedStorage.StartAsync(new AzuriteOptions
            {
                DataPath = Path.Combine(dataPath, "azurite"),
                Port = config.GetValue("Storage:AzuritePort", 0),
                InMemory = config.GetValue("Storage:InMemory", false),
                ExecutablePath = config["Storage:AzuriteExecutable"],
            }, logger, CancellationToken.None);
            connectionString = embedded.ConnectionString;
            logger.LogInformation("Embedded Azurite on port {Port} with data in {DataPath}", embedded.Port, dataPath);
        }
        else logger.LogInformation("Using the configured Azure Storage account");

        var connection = new StorageConnection(connectionString, embedded);
        builder.Services.AddSingleton(connection);
        builder.Services.AddSingleton(StorageClients.Service(connectionString));
        builder.Services.AddSingleton<IStorageDurability>(embedded is null ? new StorageAccountDurability() : new EmbeddedStorageDurability(embedded));
        var healthOptions = new StorageHealthOptions
        {
            ProbeInterval = TimeSpan.FromSeconds(config.GetValue("Storage:ProbeIntervalSeconds", 0.5)),
            ProbeTimeout = TimeSpan.FromSeconds(config.GetValue("Storage:ProbeTimeoutSeconds", 1.5)),
            StallRestartAfter = TimeSpan.FromSeconds(config.GetValue("Storage:StallRestartSeconds", 15.0)),
            RetryAfter = TimeSpan.FromSeconds(config.GetValue("Storage:RetryAfterSeconds", 5.0)),
        };
        builder.Services.AddSingleton(sp => new StorageHealth(connectionString, embedded, healthOptions, sp.GetRequiredService<ILogger<StorageHealth>>()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<StorageHealth>());
        builder.Services.AddSingleton<DurableAcknowledgement>();
        builder.Services.AddIngestLog(o =>
        {
            o.ConnectionString = connectionString;
            o.ContainerName = config["Ingest:LogContainer"] ?? "ingest-log";
        });
        return connection;
    }
}

/// <summary>The storage account in use, and the embedded storage when the host runs one.</summary>
public sealed record StorageConnection(string ConnectionString, EmbeddedStorage? Embedded) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        if (Embedded != null) await Embedded.DisposeAsync();
    }
}
