using System.Security.Cryptography;
using Azure.Storage.Blobs;

namespace Visibility.Host.Auth;

/// <summary>
/// The key that signs the host's own tokens: from configuration when given, otherwise generated once and kept in
/// blob storage, so tokens stay valid across restarts and every silo of one deployment shares it.
/// </summary>
public static class SigningKeyStore
{
    private const string Container = "visibility-secrets";
    private const string BlobName = "token-signing-key";

    public static async Task<byte[]> LoadOrCreateAsync(string connectionString, string? configured, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var key = Convert.FromBase64String(configured);
            if (key.Length < 32) throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes (base64)");
            return key;
        }
        var container = new BlobContainerClient(connectionString, Container);
        await container.CreateIfNotExistsAsync();
        var blob = container.GetBlobClient(BlobName);
        try
        {
            var fresh = RandomNumberGenerator.GetBytes(64);
            // Only the first writer wins (If-None-Match: *); everyone else reads what it wrote.
            await blob.UploadAsync(new BinaryData(fresh), overwrite: false);
            logger.LogInformation("Generated a token signing key and stored it in blob storage ({Container}/{Blob})", Container, BlobName);
            return fresh;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 409)
        {
            return (await blob.DownloadContentAsync()).Value.Content.ToArray();
        }
    }
}
