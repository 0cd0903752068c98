using Microsoft.Extensions.Logging.Abstractions;
using Visibility.Storage;

namespace Visibility.Integration.Tests.Hosting;

/// <summary>
/// A disk-backed Azurite owned by the test (it outlives host crashes, like a real storage account) and one host
/// process on it. Tests may kill or stop the host and start it again on the same storage.
/// </summary>
public class HostFixture : IAsyncLifetime
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "visibility-it-" + Guid.NewGuid().ToString("N")[..8]);
    private AzuriteServer? _azurite;
    private int _restarts;

    public HostProcess Host { get; private set; } = null!;
    public string ConnectionString => _azurite!.ConnectionString;

    protected virtual string Name => GetType().Name;
    protected virtual IDictionary<string, string> Settings => new Dictionary<string, string>();

    public virtual async ValueTask InitializeAsync()
    {
        _azurite = await AzuriteServer.StartAsync(new AzuriteOptions { DataPath = _dataPath }, NullLogger.Instance, CancellationToken.None);
        Host = await HostProcess.StartAsync(ConnectionString, Name, Settings);
    }

    /// <summary>Kills (crash) or stops (graceful) the host and starts a new one on the same storage and HTTP port.</summary>
    public async Task RestartAsync(bool crash, TimeSpan? downtime = null)
    {
        int port = Host.Port;
        if (crash) await Host.KillAsync(); else await Host.StopAsync();
        await Host.DisposeAsync();
        if (downtime is { } pause) await Task.Delay(pause);
        Host = await HostProcess.StartAsync(ConnectionString, $"{Name}-r{++_restarts}", Settings, port);
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (Host != null) await Host.DisposeAsync();
        if (_azurite != null) await _azurite.DisposeAsync();
        try { Directory.Delete(_dataPath, recursive: true); } catch (IOException) { }
    }
}
