using System.Globalization;

namespace Visibility.Storage;

/// <summary>Blob names of the log: zero-padded segment numbers sort in log order, and the checkpoint blob.</summary>
internal static class SegmentNames
{
    public const string Prefix = "segments/";
    public const string Checkpoint = "checkpoint.json";

    public static string For(long segment) => $"{Prefix}{segment.ToString("D12", CultureInfo.InvariantCulture)}.log";

    public static bool TryParse(string blobName, out long segment)
    {
        segment = 0;
        return blobName.StartsWith(Prefix, StringComparison.Ordinal)
               && blobName.EndsWith(".log", StringComparison.Ordinal)
               && long.TryParse(blobName.AsSpan(Prefix.Length, blobName.Length - Prefix.Length - 4),
                   NumberStyles.None, CultureInfo.InvariantCulture, out segment);
    }
}
