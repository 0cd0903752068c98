using Microsoft.Extensions.Logging;
using Visibility.Storage;

[assembly: AssemblyFixture(typeof(Visibility.Integration.Tests.Storage.AzuriteFixture))]

namespace Visibility.Integration.Tests.Storage;

/// <summary>
/// One in-memory Azurite for the whole test assembly (started via <see cref="AzuriteServer"/>). Tests isolate themselves by
/// using their own container (<see cref="NewContainerName"/>). Durability tests that restart Azurite start their own with
/// <see cref="StartPersistentAsync"/>.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private static int _containerCounter;
    private AzuriteServer? _server;

    public ILoggerFactory LoggerFactory { get; } = Microsoft.Extensions.Logging.LoggerFactory.Create(builder =>
        builder.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning));

    public AzuriteServer Server => _server ?? throw new InvalidOperationException("Azurite has not started.");

    public string ConnectionString => Server.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        _server = await AzuriteServer.StartAsync(new AzuriteOptions { InMemory = true },
            LoggerFactory.CreateLogger<AzuriteServer>(), CancellationToken.None);
    }

    /// <summary>A container name no other test uses (lowercase, 3–63 characters, as Azure requires).</summary>
    public static string NewContainerName(string prefix)
    {
        var name = $"{prefix.ToLowerInvariant()}-{Interlocked.Increment(ref _containerCounter)}-{Guid.NewGuid():N}";
        return name.Length <= 63 ? name : name[^63..].TrimStart('-');
    }

    /// <summary>Starts a separate Azurite that persists into <paramref name="dataPath"/> (for restart tests).</summary>
    public Task<AzuriteServer> StartPersistentAsync(string dataPath) =>
        AzuriteServer.StartAsync(new AzuriteOptions { DataPath = dataPath },
            LoggerFactory.CreateLogger<AzuriteServer>(), TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        LoggerFactory.Dispose();
    }
}
