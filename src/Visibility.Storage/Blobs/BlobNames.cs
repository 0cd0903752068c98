using System.Security.Cryptography;
using System.Text;

namespace Visibility.Storage;

/// <summary>Turns arbitrary strings (grain ids, state names) into safe blob-name segments.</summary>
internal static class BlobNames
{
    // Azure caps names at 1,024 characters; keep room for the other segments of a path.
    private const int MaxSegmentLength = 400;

    /// <summary>
    /// An injective, ASCII-only rendering of <paramref name="value"/>: [A-Za-z0-9_-] stay, every other UTF-8 byte becomes
    /// <c>~XX</c>. Blob names do allow most characters, but '/' creates virtual folders, '\' is rewritten to '/', names may not
    /// end in '.', and Azure and Azurite decode percent-escapes differently — a private escape sidesteps all of that.
    /// Over-long results keep a readable prefix plus a SHA-256 of the full value.
    /// </summary>
    public static string EscapeSegment(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_') builder.Append(c);
            else builder.Append('~').Append(b.ToString("X2"));
        }

        if (builder.Length <= MaxSegmentLength) return builder.ToString();
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
        // The prefix may end inside a ~XX escape; the hash keeps the name unique regardless.
        return $"{builder.ToString(0, MaxSegmentLength - hash.Length - 2)}~~{hash}";
    }
}
