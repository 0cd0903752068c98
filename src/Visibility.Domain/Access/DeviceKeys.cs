using System.Security.Cryptography;
using System.Text;

namespace Visibility.Domain.Access;

/// <summary>
/// Tracker keys: "vsk.{deviceId}.{secret}" with 32 random bytes of secret (base64url). Only the SHA-256 of the secret
/// is stored: the secret is high-entropy, so a fast hash is enough and the ingest path can check a key per batch
/// without a password-hashing cost. The device id inside the key finds the stored hash without a scan.
/// </summary>
public static class DeviceKeys
{
    public const string Prefix = "vsk";

    public static (string Key, string SecretHash) Create(string deviceId)
    {
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return ($"{Prefix}.{deviceId}.{secret}", HashSecret(secret));
    }

    /// <summary>Splits a presented key into device id and secret; false when it is not shaped like a key.</summary>
    public static bool TryParse(string? key, out string deviceId, out string secret)
    {
        deviceId = secret = "";
        if (string.IsNullOrEmpty(key) || key.Length > 300 || !key.StartsWith(Prefix + ".", StringComparison.Ordinal)) return false;
        int last = key.LastIndexOf('.');
        if (last <= Prefix.Length + 1 || last == key.Length - 1) return false;
        deviceId = key[(Prefix.Length + 1)..last];
        secret = key[(last + 1)..];
        return true;
    }

    public static string HashSecret(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashSecret(secret)), Encoding.ASCII.GetBytes(storedHash));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
