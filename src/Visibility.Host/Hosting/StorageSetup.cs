using Azure.Storage.Blobs;
using Visibility.Storage;

namespace Visibility.Host.Hosting;

/// <summary>
/// Where state lives. With <c>Storage:ConnectionString</c> set, that Azure Storage account; without it (the embedded
/// default) the host starts Azurite itself with its data under <c>Storage:DataPath</c> and stops it on shutdown.
/// </summary>
public static class StorageSetup
{
    public static async Task<StorageConnection> AddVisibilityStorageAsync(this WebApplicationBuilder builder, ILogger logger)
    {
        var config = builder.Configuration;
        string? connectionString = config["Storage:ConnectionString"];
        AzuriteServer? azurite = null;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            // Relative to the repository when the host runs from a checkout (dotnet run moves the working directory).
            var baseDir = ReferenceData.RepositoryPaths.FindRepositoryRoot(builder.Environment.ContentRootPath) ?? Directory.GetCurrentDirectory();
            var dataPath = Path.GetFullPath(config["Storage:DataPath"] ?? ".data", baseDir);
            azurite = await AzuriteServer.StartAsync(new AzuriteOptions
            {
                DataPath = Path.Combine(dataPath, "azurite"),
                Port = config.GetValue("Storage:AzuritePort", 0),
                InMemory = config.GetValue("Storage:InMemory", false),
                ExecutablePath = config["Storage:AzuriteExecutable"],
            }, logger, CancellationToken.None);
            connectionString = azurite.ConnectionString;
            logger.LogInformation("Embedded Azurite on port {Port} with data in {DataPath}", azurite.Port, dataPath);
        }
        else logger.LogInformation("Using the configured Azure Storage account");

        var connection = new StorageConnection(connectionString, azurite);
        builder.Services.AddSingleton(connection);
        builder.Services.AddSingleton(new BlobServiceClient(connectionString));
        builder.Services.AddIngestLog(o =>
        {
            o.ConnectionString = connectionString;
            o.ContainerName = config["Ingest:LogContainer"] ?? "ingest-log";
        });
        return connection;
    }
}

/// <summary>The storage account in use, and the embedded Azurite when the host started one.</summary>
public sealed record StorageConnection(string ConnectionString, AzuriteServer? Azurite) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        if (Azurite != null) await Azurite.DisposeAsync();
    }
}
