using System.Security.Cryptography;
using Azure.Storage.Blobs;

namespace Visibility.Host.Auth;

/// <summary>
/// Where the keys of the host's own tokens come from (README, "Signing keys"): a key file (a mounted secret), or
/// Auth:SigningKey (configuration or the environment), plus Auth:PreviousSigningKeys; with neither a file nor a key,
/// one generated once and kept in blob storage, so tokens stay valid across restarts and every silo of one deployment
/// shares it. Every key is checked at start: a short or malformed one stops the host with a message naming it.
/// </summary>
public static class SigningKeyStore
{
    private const string Container = "visibility-secrets";
    private const string BlobName = "token-signing-key";

    public static async Task<SigningKeyRing> LoadAsync(string connectionString, AuthOptions options, ILogger logger)
    {
        var previous = options.PreviousSigningKeys
            .Select((k, i) => NamedKey.Parse(k.Kid, k.Key ?? "", $"Auth:PreviousSigningKeys:{i}"))
            .ToList();
        NamedKey current;
        string from;
        if (!string.IsNullOrWhiteSpace(options.SigningKeyFile))
        {
            if (!string.IsNullOrWhiteSpace(options.SigningKey))
                throw new InvalidOperationException("Set either Auth:SigningKeyFile or Auth:SigningKey, not both");
            var keys = ReadKeyFile(options.SigningKeyFile);
            (current, from) = (keys[0], $"the key file {options.SigningKeyFile}");
            previous.InsertRange(0, keys.Skip(1));
        }
        else if (!string.IsNullOrWhiteSpace(options.SigningKey))
            (current, from) = (NamedKey.Parse(options.SigningKeyId, options.SigningKey, "Auth:SigningKey"), "configuration");
        else
            (current, from) = (await LoadOrCreateStoredAsync(connectionString, logger), $"blob storage ({Container}/{BlobName})");

        var ring = new SigningKeyRing(current, previous);
        // Kids only: they are not secret, and they tell an operator which keys a host accepts after a rotation.
        logger.LogInformation("Token signing key {Kid} from {Source}; also accepting previous keys {Previous}",
            current.Kid, from, string.Join(", ", ring.Kids.Where(k => k != current.Kid).DefaultIfEmpty("(none)")));
        return ring;
    }

    /// <summary>
    /// One key per line: "kid:base64" or a bare base64 key (its kid derived). The first is the current key, the others
    /// previous ones still accepted. Blank lines and lines starting with # are skipped. Base64 has no ':', so the first
    /// ':' always ends the kid.
    /// </summary>
    public static List<NamedKey> ReadKeyFile(string path)
    {
        string[] lines;
        try { lines = File.ReadAllLines(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Auth:SigningKeyFile: cannot read {path}: {ex.Message}");
        }
        var keys = new List<NamedKey>();
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            int colon = line.IndexOf(':');
            var source = $"Auth:SigningKeyFile {path} line {i + 1}";
            keys.Add(colon < 0 ? NamedKey.Parse(null, line, source) : NamedKey.Parse(line[..colon], line[(colon + 1)..], source));
        }
        if (keys.Count == 0) throw new InvalidOperationException($"Auth:SigningKeyFile: {path} holds no key");
        return keys;
    }

    private static async Task<NamedKey> LoadOrCreateStoredAsync(string connectionString, ILogger logger)
    {
        const string source = $"the stored signing key ({Container}/{BlobName})";
        var container = new BlobContainerClient(connectionString, Container);
        await container.CreateIfNotExistsAsync();
        var blob = container.GetBlobClient(BlobName);
        try
        {
            var fresh = RandomNumberGenerator.GetBytes(64);
            // Only the first writer wins (If-None-Match: *); everyone else reads what it wrote. The blob holds the raw
            // key as before; its kid is derived from it, so stores written by earlier versions need no migration.
            await blob.UploadAsync(new BinaryData(fresh), overwrite: false);
            logger.LogInformation("Generated a token signing key and stored it in blob storage ({Container}/{Blob})", Container, BlobName);
            return NamedKey.Parse(null, Convert.ToBase64String(fresh), source);
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 409)
        {
            var stored = (await blob.DownloadContentAsync()).Value.Content.ToArray();
            return NamedKey.Parse(null, Convert.ToBase64String(stored), source);
        }
    }
}
