using System.Net;
using System.Text.Json;
using Visibility.Integration.Tests.Hosting;

namespace Visibility.Integration.Tests.Faults;

/// <summary>
/// The whole application as a user runs it: the host on the embedded default, running its own Azurite with data in a
/// folder of this test's, the host leading its own process group. A test can crash all of it (host and Azurite, as an
/// OOM kill, a container stop or a power cut does), signal the group, stall or kill the storage process, and start the
/// application again on the same data.
/// </summary>
public sealed class EmbeddedApplication : IAsyncDisposable
{
    public const int SigInt = 2, SigKill = 9, SigTerm = 15, SigCont = 18, SigStop = 19;

    private readonly IDictionary<string, string> _settings;
    private readonly string _name;
    private int _starts;

    private EmbeddedApplication(string name, IDictionary<string, string> settings)
    {
        _name = name;
        _settings = settings;
        DataPath = Path.Combine(Path.GetTempPath(), $"visibility-faults-{name}-{Guid.NewGuid().ToString("N")[..8]}");
    }

    public string DataPath { get; }
    public HostProcess Host { get; private set; } = null!;
    public HttpClient Http => Host.Http;

    /// <summary>The running Azurite's pid, as the host recorded it.</summary>
    public int AzuritePid => int.Parse(File.ReadAllText(Path.Combine(DataPath, "azurite", "azurite.pid")).Trim());

    public static async Task<EmbeddedApplication> StartAsync(string name, IDictionary<string, string>? settings = null)
    {
        var app = new EmbeddedApplication(name, settings ?? new Dictionary<string, string>());
        await app.StartHostAsync(httpPort: null);
        return app;
    }

    private async Task StartHostAsync(int? httpPort) =>
        Host = await HostProcess.StartEmbeddedAsync(DataPath, $"{_name}-{++_starts}", _settings, httpPort);

    /// <summary>SIGKILL to the host's process group and to its Azurite at the same instant: nothing gets to save.</summary>
    public async Task CrashAsync()
    {
        var azurite = AzuritePid;
        HostProcess.Signal(azurite, SigKill);
        Host.SignalGroup(SigKill);
        if (!await Host.WaitForExitAsync(TimeSpan.FromSeconds(10))) throw new TimeoutException("the host survived SIGKILL");
        await WaitGoneAsync(azurite, TimeSpan.FromSeconds(10));
    }

    /// <summary>Starts the application again on the same data and HTTP port (after a crash or a stop).</summary>
    public async Task StartAgainAsync()
    {
        var port = Host.Port;
        await Host.DisposeAsync();
        await StartHostAsync(port);
    }

    public static async Task WaitGoneAsync(int pid, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Directory.Exists($"/proc/{pid}") && !IsZombie(pid))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"process {pid} still runs after {timeout}");
            await Task.Delay(50);
        }
    }

    public static bool IsRunning(int pid) => Directory.Exists($"/proc/{pid}") && !IsZombie(pid);

    private static bool IsZombie(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2] == "Z"; }
        catch (IOException) { return false; }
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            try { HostProcess.Signal(AzuritePid, SigCont); } catch (IOException) { }
            await Host.DisposeAsync();
        }
        try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { }
    }
}
