using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Visibility.Host.Auth;

/// <summary>
/// The keys of the host's own tokens: the current one signs, the current and the previous ones verify. Every token
/// names its key in the "kid" header, so a rotation (new current key, the old one kept as previous until the tokens it
/// signed have expired) never invalidates a signed-in user, and a key taken out of the ring stops its tokens at once.
/// </summary>
public sealed class SigningKeyRing
{
    /// <summary>HS256 wants a key at least as long as its output: 256 bits.</summary>
    public const int MinKeyBytes = 32;

    private readonly Dictionary<string, SymmetricSecurityKey> _byKid;

    public SymmetricSecurityKey Current { get; }

    public SigningKeyRing(NamedKey current, IEnumerable<NamedKey> previous)
    {
        Current = current.ToSecurityKey();
        _byKid = new(StringComparer.Ordinal) { [current.Kid] = Current };
        foreach (var key in previous)
        {
            if (key.Kid == current.Kid)
            {
                // The same key listed twice (current and previous) is harmless; two keys under one kid are not.
                if (key.Bytes.AsSpan().SequenceEqual(current.Bytes)) continue;
                throw new InvalidOperationException($"{key.Source}: kid '{key.Kid}' is already the current key's and names another key");
            }
            if (!_byKid.TryAdd(key.Kid, key.ToSecurityKey()))
                throw new InvalidOperationException($"{key.Source}: kid '{key.Kid}' is listed twice");
        }
    }

    /// <summary>
    /// The key a token names. A token without a kid was issued before tokens carried one: it is checked against the
    /// current key only (which is the key such tokens were signed with until the first rotation). An unknown kid
    /// finds no key, and the token is refused.
    /// </summary>
    public IEnumerable<SecurityKey> Resolve(string? kid) =>
        string.IsNullOrEmpty(kid) ? [Current]
        : _byKid.TryGetValue(kid, out var key) ? [key]
        : [];

    public IEnumerable<string> Kids => _byKid.Keys;
}

/// <summary>A key with its kid and where it came from (for the messages that refuse it).</summary>
public sealed record NamedKey(string Kid, byte[] Bytes, string Source)
{
    /// <summary>
    /// A key given without a kid gets one derived from it (the first 8 bytes of its SHA-256, hex), so the same key has
    /// the same kid wherever and however it is configured, and the kid says nothing usable about the key.
    /// </summary>
    public static string DeriveKid(byte[] key) => Convert.ToHexStringLower(SHA256.HashData(key).AsSpan(0, 8));

    /// <summary>Parses a base64 key; refuses one that is not base64 or is shorter than 256 bits, naming its source.</summary>
    public static NamedKey Parse(string? kid, string base64, string source)
    {
        byte[] bytes;
        try { bytes = Convert.FromBase64String(base64.Trim()); }
        catch (FormatException) { throw new InvalidOperationException($"{source}: the signing key is not valid base64"); }
        if (bytes.Length < SigningKeyRing.MinKeyBytes)
            throw new InvalidOperationException(
                $"{source}: the signing key is {bytes.Length * 8} bits; at least {SigningKeyRing.MinKeyBytes * 8} bits ({SigningKeyRing.MinKeyBytes} bytes, base64) are required");
        kid = string.IsNullOrWhiteSpace(kid) ? DeriveKid(bytes) : kid.Trim();
        if (kid.Length > 64 || kid.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
            throw new InvalidOperationException($"{source}: a kid is 1–64 characters without spaces");
        return new NamedKey(kid, bytes, source);
    }

    public SymmetricSecurityKey ToSecurityKey() => new(Bytes) { KeyId = Kid };
}
