using System.Diagnostics;

namespace Visibility.Integration.Tests.Web;

/// <summary>
/// Runs the dashboard's own unit tests (vitest, in web/test) as part of `dotnet test`, so the README's one test command
/// covers the TypeScript too. Their output is in the failure message.
/// </summary>
public sealed class DashboardUnitTests
{
    [Fact]
    public async Task Dashboard_unit_tests_pass()
    {
        var web = Path.Combine(TestPaths.RepoRoot, "web");
        Assert.True(Directory.Exists(Path.Combine(web, "node_modules")), "web/node_modules is missing: run npm ci in web/ (the host build does)");
        var psi = new ProcessStartInfo("npm", "test --silent")
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["CI"] = "true";
        psi.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        var output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"vitest failed (exit {process.ExitCode}):\n{output}");
        Assert.Matches(@"Tests\s+\d+ passed", output);
    }
}
