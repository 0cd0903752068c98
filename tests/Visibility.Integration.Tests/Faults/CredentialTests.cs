using System.Diagnostics;
using System.Text.RegularExpressions;
using Azure;
using Azure.Storage.Blobs;
using Visibility.Storage;

namespace Visibility.Integration.Tests.Faults;

/// <summary>
/// Another local process can reach the embedded storage's port but not its data: the public emulator key is refused, the
/// generated key and the data are readable by the host's user only, so the token signing key stays out of reach.
/// </summary>
[Collection("host")]
public sealed partial class CredentialTests
{
    [Fact]
    public async Task The_public_emulator_key_and_other_users_cannot_read_the_embedded_storage()
    {
        await using var app = await EmbeddedApplication.StartAsync("credentials");
        var port = int.Parse(AzurePort().Match(app.Host.Log()).Groups[1].Value);
        var keyFile = Path.Combine(app.DataPath, "azurite", AccountKeyFile.FileName);

        // The attacker's try: the well-known development key.
        var stolen = new BlobServiceClient(DevelopmentStorageAccount.ConnectionString(port));
        var refused = await Assert.ThrowsAsync<RequestFailedException>(() =>
            stolen.GetBlobContainerClient("visibility-secrets").GetBlobClient("token-signing-key").DownloadContentAsync());
        Assert.Equal(403, refused.Status);
        await Assert.ThrowsAsync<RequestFailedException>(async () => { await foreach (var _ in stolen.GetBlobContainersAsync()) { } });

        // The owner's key works (so the refusal above is about the key, not the request).
        var owner = new BlobServiceClient(DevelopmentStorageAccount.ConnectionString(port, File.ReadAllText(keyFile).Trim()));
        var containers = new List<string>();
        await foreach (var c in owner.GetBlobContainersAsync()) containers.Add(c.Name);
        Assert.Contains("ingest-log", containers);

        // Files: the data folders 0700, the key 0600.
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        foreach (var folder in new[] { app.DataPath, Path.Combine(app.DataPath, "azurite") })
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));

        // And another user really cannot read them (needs root to become that user; CI runs as root).
        if (Environment.UserName == "root")
        {
            foreach (var file in new[] { keyFile, Path.Combine(app.DataPath, "azurite", "__azurite_db_blob__.json") })
            {
                var (exit, stderr) = await RunAsNobodyAsync("cat", file);
                Assert.NotEqual(0, exit);
                Assert.Contains("Permission denied", stderr);
            }
            var (ok, _) = await RunAsNobodyAsync("cat", "/etc/hostname");
            Assert.Equal(0, ok);   // the same user can read what is meant to be readable
        }
    }

    private static async Task<(int Exit, string Stderr)> RunAsNobodyAsync(params string[] command)
    {
        var psi = new ProcessStartInfo("setpriv") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "--reuid=65534", "--regid=65534", "--clear-groups" }.Concat(command)) psi.ArgumentList.Add(arg);
        using var process = Process.Start(psi)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, stderr);
    }

    [GeneratedRegex(@"Embedded Azurite on port (\d+)")]
    private static partial Regex AzurePort();
}
