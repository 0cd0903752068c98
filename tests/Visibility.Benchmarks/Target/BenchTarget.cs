using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Visibility.Integration.Tests.Hosting;
using Visibility.Storage;

namespace Visibility.Benchmarks.Target;

/// <summary>
/// The host under test: either one we start (a disk-backed Azurite in a temp folder, deleted afterwards, and the
/// Release host as its own process with the simulator off) or one already running at a given URL, in which case
/// its process is not ours to measure.
/// </summary>
public sealed class BenchTarget : IAsyncDisposable
{
    private readonly Process? _host;
    private readonly AzuriteServer? _azurite;
    private readonly string? _azuriteData;
    private readonly StreamWriter? _log;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _notable = new();
    private long _checkpointedShipments = -1;

    public string BaseUrl { get; }
    public int? HostPid => _host?.Id;
    /// <summary>Our Azurite's pid, or on the embedded default the one the host runs (from its pid file).</summary>
    public int? AzuritePid => _azurite?.ProcessId ?? EmbeddedAzuritePid();

    private int? EmbeddedAzuritePid()
    {
        if (_azuriteData is null) return null;
        try { return int.Parse(File.ReadAllText(Path.Combine(_azuriteData, "azurite", "azurite.pid")).Trim()); }
        catch (Exception ex) when (ex is IOException or FormatException) { return null; }
    }
    public string? LogPath { get; }
    public HttpClient Http { get; }

    private BenchTarget(string baseUrl, Process? host, AzuriteServer? azurite, string? azuriteData, StreamWriter? log, string? logPath)
    {
        BaseUrl = baseUrl;
        _host = host;
        _azurite = azurite;
        _azuriteData = azuriteData;
        _log = log;
        LogPath = logPath;
        Http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, UseProxy = false })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    /// <summary>The admin password of a host we start; for a running host, VISIBILITY_ADMIN_PASSWORD (default: the demo admin's).</summary>
    public const string StartedAdminPassword = "benchmark-admin-password";

    /// <summary>The admin's bearer token: <see cref="Http"/> sends it; hub connections use it too.</summary>
    public string AdminToken { get; private set; } = "";

    /// <summary>A gateway tracker's key (assigned to every shipment) for the telemetry load.</summary>
    public string DeviceKey { get; private set; } = "";

    public static async Task<BenchTarget> AttachAsync(string url)
    {
        var target = new BenchTarget(url, null, null, null, null, null);
        await target.WaitReadyAsync(TimeSpan.FromSeconds(10));
        await target.SignInAsync(Environment.GetEnvironmentVariable("VISIBILITY_ADMIN_PASSWORD") ?? "admin-demo");
        return target;
    }

    /// <summary>Signs in as the admin and registers the benchmark's own gateway tracker, as a carrier feed would.</summary>
    private async Task SignInAsync(string password)
    {
        using var signIn = await Http.PostAsJsonAsync("/api/auth/token", new { username = "admin", password });
        signIn.EnsureSuccessStatusCode();
        AdminToken = (await signIn.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString()!;
        Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminToken);
        var deviceId = $"bench-gateway-{DateTime.UtcNow:yyyyMMddHHmmssfff}";
        using var created = await Http.PostAsJsonAsync("/api/devices", new { id = deviceId, name = "Benchmark load generator" });
        created.EnsureSuccessStatusCode();
        DeviceKey = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("key").GetString()!;
        Http.DefaultRequestHeaders.Add("X-Device-Key", DeviceKey);
        using var assigned = await Http.PutAsync($"/api/devices/{deviceId}/shipments/*", null);
        assigned.EnsureSuccessStatusCode();
    }

    /// <summary>A connection to the live hub, signed in as the admin.</summary>
    public Microsoft.AspNetCore.SignalR.Client.HubConnection Hub() =>
        new Microsoft.AspNetCore.SignalR.Client.HubConnectionBuilder()
            .WithUrl(BaseUrl + "/hubs/live", o => o.AccessTokenProvider = () => Task.FromResult<string?>(AdminToken))
            .Build();

    /// <param name="settings">Extra host configuration ("Section:Key" → value), passed as environment variables.</param>
    /// <param name="embedded">Run the host on the embedded default (its own Azurite, durable acknowledgements with index
    /// saves) instead of pointing it at an Azurite we start (a connection string: no saves, Azurite's 5 s window).</param>
    public static async Task<BenchTarget> StartAsync(IReadOnlyDictionary<string, string>? settings = null, bool embedded = false)
    {
        if (!File.Exists(TestPaths.HostDll))
            throw new FileNotFoundException($"host not built: {TestPaths.HostDll}; run `dotnet build src/Visibility.Host -c Release` first");
        string data = Path.Combine(Path.GetTempPath(), "visibility-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var azurite = embedded ? null : await AzuriteServer.StartAsync(new AzuriteOptions { DataPath = data }, NullLogger.Instance, CancellationToken.None);

        int httpPort = FreePort.Next();
        string baseUrl = $"http://127.0.0.1:{httpPort}";
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(TestPaths.HostDll)!,
        };
        psi.ArgumentList.Add(TestPaths.HostDll);
        psi.Environment["Urls"] = baseUrl;
        if (azurite is not null) psi.Environment["Storage__ConnectionString"] = azurite.ConnectionString;
        else psi.Environment["Storage__DataPath"] = data;
        psi.Environment["Data__Path"] = TestPaths.SharedData;
        psi.Environment["Orleans__SiloPort"] = FreePort.Next().ToString();
        psi.Environment["Orleans__GatewayPort"] = FreePort.Next().ToString();
        psi.Environment["Simulator__Enabled"] = "false";
        psi.Environment["Auth__BootstrapAdminPassword"] = StartedAdminPassword;
        psi.Environment["DOTNET_ENVIRONMENT"] = "Production";
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // The set-up books thousands of shipments and buffers as one admin, as fast as the host answers: the per-user
        // rate limit is meant for people and scripts, not for a load generator. The telemetry limit stays at its
        // default, so the run shows that it does not throttle the ingest it measures.
        psi.Environment["RateLimits__User__Burst"] = "1000000";
        psi.Environment["RateLimits__User__PerSecond"] = "1000000";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) psi.Environment[key.Replace(":", "__")] = value;

        string logPath = Path.Combine(TestPaths.ArtifactsDir, $"bench-host-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{httpPort}.log");
        var log = new StreamWriter(logPath, append: false, Encoding.UTF8) { AutoFlush = true };
        var host = Process.Start(psi) ?? throw new InvalidOperationException("could not start the host");
        var target = new BenchTarget(baseUrl, host, azurite, data, log, logPath);
        host.OutputDataReceived += (_, e) => target.OnHostOutput(e.Data);
        host.ErrorDataReceived += (_, e) => target.OnHostOutput(e.Data is { } line ? "ERR " + line : null);
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();
        try
        {
            await target.WaitReadyAsync(TimeSpan.FromSeconds(90));
            await target.SignInAsync(StartedAdminPassword);
        }
        catch
        {
            await target.DisposeAsync();
            throw;
        }
        return target;
    }

    /// <summary>
    /// Shipments the host's ingest checkpoints reported writing so far (from its log: "Ingest checkpoint at …: N
    /// shipments written"); null when the host is not ours and its log unknown.
    /// </summary>
    public long? CheckpointedShipments => _log == null ? null : Math.Max(0, Interlocked.Read(ref _checkpointedShipments));

    /// <summary>Waits until the host's checkpoints have written <paramref name="shipments"/> more shipments than <paramref name="since"/>.</summary>
    public async Task<bool> WaitForCheckpointsAsync(long since, int shipments, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (CheckpointedShipments - since < shipments)
        {
            EnsureAlive();
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(250, ct);
        }
        return true;
    }

    /// <summary>
    /// Host log lines that say where its time went or what went wrong (checkpoints, warnings, errors) since the last
    /// call, so each phase can show them beside its figures.
    /// </summary>
    public IReadOnlyList<string> TakeNotableLogLines()
    {
        var lines = new List<string>();
        while (_notable.TryDequeue(out var line)) lines.Add(line);
        return lines;
    }

    private void OnHostOutput(string? line)
    {
        if (line == null || _log == null) return;
        lock (_log)
        {
            try { _log.WriteLine(line); }
            catch (ObjectDisposedException) { } // the last lines of a host we are already done with
        }
        if (CheckpointLine.Match(line) is { Success: true } checkpoint)
        {
            Interlocked.CompareExchange(ref _checkpointedShipments, 0, -1);
            Interlocked.Add(ref _checkpointedShipments, long.Parse(checkpoint.Groups[1].Value));
        }
        if (line.Contains("Ingest checkpoint", StringComparison.Ordinal) || line.Contains(" WRN] ", StringComparison.Ordinal)
            || line.Contains(" ERR] ", StringComparison.Ordinal) || line.StartsWith("ERR ", StringComparison.Ordinal))
            _notable.Enqueue(line);
    }

    /// <summary>Throws when the host process we started has died (a broken run, not a slow one).</summary>
    public void EnsureAlive()
    {
        if (_host is { HasExited: true }) throw new InvalidOperationException($"the host exited with {_host.ExitCode}; log: {LogPath}");
    }

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            EnsureAlive();
            try
            {
                using var response = await Http.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"host at {BaseUrl} not ready after {timeout}; log: {LogPath}");
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_host != null)
        {
            if (!_host.HasExited)
            {
                // SIGTERM first: the graceful path writes dirty grains; a benchmark does not wait long for it.
                if (OperatingSystem.IsLinux()) _ = Kill(_host.Id, 15); else _host.Kill();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
                try { await _host.WaitForExitAsync(timeout.Token); }
                catch (OperationCanceledException) { _host.Kill(entireProcessTree: true); await _host.WaitForExitAsync(); }
            }
            _host.Dispose();
        }
        if (_log != null) lock (_log) _log.Dispose();
        if (_azurite != null) await _azurite.DisposeAsync();
        if (_azuriteData != null)
        {
            try { Directory.Delete(_azuriteData, recursive: true); } catch (IOException) { }
        }
    }

    private static readonly System.Text.RegularExpressions.Regex CheckpointLine = new(@"Ingest checkpoint at \S+: (\d+) shipments written");

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
