using System.Diagnostics;
using static Visibility.Integration.Tests.Shipments.ShipmentApi;

namespace Visibility.Integration.Tests.Faults;

/// <summary>
/// Ctrl+C in a terminal (SIGINT to the foreground group) and a container or systemd stop (SIGTERM to every process at once,
/// Azurite included) end the application cleanly in seconds, with a final checkpoint and nothing lost.
/// </summary>
[Collection("host")]
public sealed class SignalTests
{
    private static readonly TimeSpan StopBudget = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Ctrl_C_to_the_process_group_stops_cleanly_with_a_final_checkpoint()
    {
        await using var app = await EmbeddedApplication.StartAsync("sigint", new Dictionary<string, string> { ["Ingest:CheckpointSeconds"] = "3600" });
        await WriteSomethingAsync(app, "INT");
        var azurite = app.AzuritePid;

        var clock = Stopwatch.StartNew();
        app.Host.SignalGroup(EmbeddedApplication.SigInt);
        Assert.True(await app.Host.WaitForExitAsync(StopBudget), $"the host still runs {StopBudget} after Ctrl+C");
        await EmbeddedApplication.WaitGoneAsync(azurite, TimeSpan.FromSeconds(5));
        var took = clock.Elapsed;

        AssertCleanStop(app.Host.Log(), took);
        await app.StartAgainAsync();
        await AssertIntactAsync(app, "INT");
        // The final checkpoint ran, so the new start had no log tail to replay.
        Assert.Contains("replayed 0 log records", app.Host.Log());
    }

    [Fact]
    public async Task A_stop_that_signals_every_process_at_once_still_checkpoints_before_storage_goes()
    {
        await using var app = await EmbeddedApplication.StartAsync("sigterm", new Dictionary<string, string> { ["Ingest:CheckpointSeconds"] = "3600" });
        await WriteSomethingAsync(app, "TERM");
        var azurite = app.AzuritePid;

        // As systemd's KillMode=control-group or a container runtime does: SIGTERM to the host's group and to Azurite.
        var clock = Stopwatch.StartNew();
        app.Host.SignalGroup(EmbeddedApplication.SigTerm);
        HostProcess.Signal(azurite, EmbeddedApplication.SigTerm);
        Assert.True(await app.Host.WaitForExitAsync(StopBudget), $"the host still runs {StopBudget} after SIGTERM");
        await EmbeddedApplication.WaitGoneAsync(azurite, TimeSpan.FromSeconds(5));
        var took = clock.Elapsed;

        AssertCleanStop(app.Host.Log(), took);
        await app.StartAgainAsync();
        await AssertIntactAsync(app, "TERM");
    }

    private static async Task WriteSomethingAsync(EmbeddedApplication app, string prefix)
    {
        await CreateAsync(app.Http, Booking($"{prefix}-1"));
        var path = await RouteAsync(app.Http, $"{prefix}-1");
        var t0 = DateTimeOffset.UtcNow.AddHours(-1);
        await PostTelemetryAsync(app.Http, Enumerable.Range(0, 20).Select(i => (object)Reading($"{prefix}-1", $"{prefix}{i}", t0.AddMinutes(i), path[i].Lat, path[i].Lon)));
    }

    private static async Task AssertIntactAsync(EmbeddedApplication app, string prefix) =>
        Assert.Equal(20, (await GetAsync(app.Http, $"{prefix}-1")).GetProperty("readings").GetInt32());

    private static void AssertCleanStop(string log, TimeSpan took)
    {
        Assert.True(took < StopBudget, $"stopping took {took}");
        var shutdown = log.IndexOf("Application is shutting down", StringComparison.Ordinal);
        Assert.True(shutdown >= 0, "no graceful shutdown in the log");
        var afterShutdown = log[shutdown..];
        Assert.Contains("Ingest checkpoint at", afterShutdown);
        Assert.DoesNotContain("Final ingest checkpoint failed", afterShutdown);
        Assert.DoesNotContain("non-graceful", afterShutdown, StringComparison.OrdinalIgnoreCase);
    }
}
