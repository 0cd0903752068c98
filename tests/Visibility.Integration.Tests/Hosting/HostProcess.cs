using Microsoft.AspNetCore.SignalR.Client;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text;

namespace Visibility.Integration.Tests.Hosting;

/// <summary>
/// The real Visibility host as a separate process (so a test can kill it like a crash), talking to a given storage
/// account. Its console output goes to TestResults/artifacts/host-*.log for post-mortems.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    public string BaseUrl { get; }
    public int Port => new Uri(BaseUrl).Port;
    public HttpClient Http { get; }
    public string LogPath { get; }

    private HostProcess(Process process, string baseUrl, StreamWriter log, string logPath)
    {
        _process = process;
        _log = log;
        LogPath = logPath;
        BaseUrl = baseUrl;
        Http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Starts the host and waits for /health/ready.</summary>
    public static Task<HostProcess> StartAsync(string storageConnectionString, string name, IDictionary<string, string>? settings = null, int? httpPort = null) =>
        StartCoreAsync(storageConnectionString, null, name, settings, httpPort);

    /// <summary>
    /// Starts the host on the embedded default (it runs its own Azurite with data in <paramref name="dataPath"/>), as the
    /// leader of a process group of its own, so a test can signal the whole application the way a terminal or a container
    /// runtime does (<see cref="SignalGroup"/>).
    /// </summary>
    public static Task<HostProcess> StartEmbeddedAsync(string dataPath, string name, IDictionary<string, string>? settings = null, int? httpPort = null) =>
        StartCoreAsync(null, dataPath, name, settings, httpPort);

    private static async Task<HostProcess> StartCoreAsync(string? storageConnectionString, string? dataPath, string name, IDictionary<string, string>? settings, int? httpPort)
    {
        httpPort ??= FreePort.Next();
        string baseUrl = $"http://127.0.0.1:{httpPort}";
        // setsid execs in place (our child is not a group leader): the pid we hold is the host's and its group's id.
        var psi = new ProcessStartInfo(dataPath is null ? "dotnet" : "setsid")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(TestPaths.HostDll)!,
        };
        if (dataPath is not null)
        {
            // A test runner started in the background may pass SIGINT down as ignored; a terminal's Ctrl+C is not.
            psi.ArgumentList.Add("env");
            psi.ArgumentList.Add("--default-signal=INT");
            psi.ArgumentList.Add("dotnet");
        }
        psi.ArgumentList.Add(TestPaths.HostDll);
        var env = new Dictionary<string, string>
        {
            ["Urls"] = baseUrl,
            ["Data__Path"] = TestPaths.SharedData,
            ["Orleans__SiloPort"] = FreePort.Next().ToString(),
            ["Orleans__GatewayPort"] = FreePort.Next().ToString(),
            ["Simulator__Enabled"] = "false",
            ["Auth__BootstrapAdminPassword"] = TestAuth.AdminPassword,
            ["Ingest__CheckpointSeconds"] = "5",
            // Every test signs in from 127.0.0.1, many times a minute: the sign-in limit (10 a minute per address) has
            // its own test (RateLimitTests), which sets it back down.
            ["RateLimits__SignIn__Burst"] = "1000",
            ["RateLimits__SignIn__PerSecond"] = "100",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        if (storageConnectionString is not null) env["Storage__ConnectionString"] = storageConnectionString;
        if (dataPath is not null) env["Storage__DataPath"] = dataPath;
        foreach (var (k, v) in settings ?? new Dictionary<string, string>()) env[k.Replace(":", "__")] = v;
        foreach (var (k, v) in env) psi.Environment[k] = v;

        var logPath = Path.Combine(TestPaths.ArtifactsDir, $"host-{name}-{DateTime.UtcNow:HHmmss}-{httpPort}.log");
        var log = new StreamWriter(logPath, append: false, Encoding.UTF8) { AutoFlush = true };
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the host");
        process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (log) log.WriteLine("ERR " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var host = new HostProcess(process, baseUrl, log, logPath);
        await host.WaitReadyAsync(TimeSpan.FromSeconds(90));
        await host.SignInAsAdminAsync();
        return host;
    }

    /// <summary>The admin's bearer token: <see cref="Http"/> sends it on every request.</summary>
    public string AdminToken { get; private set; } = "";

    /// <summary>A gateway tracker's key (assigned to every shipment): <see cref="Http"/> sends it as X-Device-Key.</summary>
    public string GatewayKey { get; private set; } = "";

    private static int _gateways;

    /// <summary>
    /// Most tests are about behaviour, not access: their client acts as the admin and posts telemetry through a gateway
    /// tracker. The access tests make their own clients for each role.
    /// </summary>
    private async Task SignInAsAdminAsync()
    {
        AdminToken = await TestAuth.TokenAsync(Http, "admin", TestAuth.AdminPassword);
        Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminToken);
        var deviceId = $"it-gateway-{Port}-{Interlocked.Increment(ref _gateways)}-{DateTime.UtcNow:HHmmssfff}";
        GatewayKey = await TestAuth.CreateDeviceAsync(Http, deviceId, "*");
        Http.DefaultRequestHeaders.Add("X-Device-Key", GatewayKey);
    }

    /// <summary>A SignalR connection to the live hub, signed in as the admin (or with the given token).</summary>
    public Microsoft.AspNetCore.SignalR.Client.HubConnection Hub(string? token = null) =>
        new Microsoft.AspNetCore.SignalR.Client.HubConnectionBuilder()
            .WithUrl(BaseUrl + "/hubs/live", o => o.AccessTokenProvider = () => Task.FromResult<string?>(token ?? AdminToken))
            .Build();

    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"host exited with {_process.ExitCode}; log: {LogPath}\n{Tail()}");
            try
            {
                using var response = await Http.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"host not ready after {timeout}; log: {LogPath}\n{Tail()}");
    }

    /// <summary>The host's pid (on the embedded default also its process group's id).</summary>
    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Sends a signal to the host's whole process group (SIGINT as a terminal's Ctrl+C does, SIGTERM, SIGKILL).</summary>
    public void SignalGroup(int signal) => _ = SigTerm(-_process.Id, signal);

    /// <summary>Sends a signal to one process.</summary>
    public static void Signal(int pid, int signal) => _ = SigTerm(pid, signal);

    /// <summary>Waits for the host to exit; false when it is still running after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try { await _process.WaitForExitAsync(cts.Token); return true; }
        catch (OperationCanceledException) { return false; }
    }

    /// <summary>The whole log so far.</summary>
    public string Log()
    {
        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>SIGKILL: the process dies mid-flight, as in a power cut.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM: the graceful shutdown path (grains deactivate and write their state).</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        if (OperatingSystem.IsLinux()) _ = SigTerm(_process.Id, 15);
        else _process.Kill();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try { await _process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { await KillAsync(); }
    }

    public string Tail(int lines = 40)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException) { return ""; }
    }

    public async Task<T> GetJsonAsync<T>(string path) =>
        (await Http.GetFromJsonAsync<T>(path)) ?? throw new InvalidOperationException($"null body from {path}");

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Http.Dispose();
        _process.Dispose();
        lock (_log) _log.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SigTerm(int pid, int signal);
}
