using System.Security.Cryptography;

namespace Visibility.Storage;

/// <summary>
/// The embedded storage's own account key, generated on first start and kept beside its data (<c>account-key</c>, 0600 in a
/// 0700 folder). Any local process can reach Azurite's port; only the host's user can read this key, so only it can sign
/// requests: the public emulator key is refused.
/// </summary>
public static class AccountKeyFile
{
    public const string FileName = "account-key";

    /// <summary>Reads the key in <paramref name="folder"/>, creating a new random 512-bit key the first time.</summary>
    public static string LoadOrCreate(string folder)
    {
        PrivateFolder.Create(folder);
        var path = Path.Combine(folder, FileName);
        if (File.Exists(path))
        {
            PrivateFolder.RestrictFile(path);
            var existing = File.ReadAllText(path).Trim();
            if (IsValid(existing)) return existing;
            throw new InvalidOperationException($"The storage account key in '{path}' is not a base64 key of at least 32 bytes.");
        }
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
        PrivateFolder.WriteSecret(path, key);
        return key;
    }

    private static bool IsValid(string key)
    {
        var buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key, buffer, out var length) && length >= 32;
    }
}
