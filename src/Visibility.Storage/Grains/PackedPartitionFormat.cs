using System.IO.Hashing;
using System.Text;

namespace Visibility.Storage;

/// <summary>One grain's state inside a partition: its version (the grain's ETag) and its JSON payload.</summary>
internal readonly record struct PackedEntry(long Version, byte[] Payload);

/// <summary>The decoded contents of a partition blob.</summary>
internal sealed record PackedPartitionImage(int PartitionIndex, int PartitionCount, long LastVersion, Dictionary<string, PackedEntry> Entries);

/// <summary>
/// The binary layout of a partition blob (all integers little-endian):
/// <c>"VPK1" | partitionIndex i32 | partitionCount i32 | lastVersion i64 | entryCount i32 |
/// entryCount × (grainId string | version i64 | payloadLength i32 | payload) | crc32 of everything before</c>.
/// Binary rather than JSON so 10,000 states load without re-parsing each payload; the payloads themselves stay JSON.
/// </summary>
internal static class PackedPartitionFormat
{
    private static readonly byte[] Magic = "VPK1"u8.ToArray();

    public static byte[] Write(PackedPartitionImage image)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(image.PartitionIndex);
            writer.Write(image.PartitionCount);
            writer.Write(image.LastVersion);
            writer.Write(image.Entries.Count);
            foreach (var (grainId, entry) in image.Entries)
            {
                writer.Write(grainId);
                writer.Write(entry.Version);
                writer.Write(entry.Payload.Length);
                writer.Write(entry.Payload);
            }
        }
        var body = stream.GetBuffer().AsSpan(0, (int)stream.Length);
        var crc = Crc32.HashToUInt32(body);
        stream.Write(BitConverter.GetBytes(crc));
        return stream.ToArray();
    }

    /// <exception cref="InvalidDataException">The blob is not a partition, or is corrupt.</exception>
    public static PackedPartitionImage Read(ReadOnlyMemory<byte> blob)
    {
        if (blob.Length < Magic.Length + 4 || !blob.Span[..Magic.Length].SequenceEqual(Magic))
            throw new InvalidDataException("Not a packed grain-state partition (bad magic).");
        var body = blob.Span[..^4];
        var storedCrc = BitConverter.ToUInt32(blob.Span[^4..]);
        if (Crc32.HashToUInt32(body) != storedCrc)
            throw new InvalidDataException("Packed grain-state partition failed its CRC check.");

        using var reader = new BinaryReader(new MemoryStream(body.ToArray(), writable: false), Encoding.UTF8);
        reader.ReadBytes(Magic.Length);
        var index = reader.ReadInt32();
        var count = reader.ReadInt32();
        var lastVersion = reader.ReadInt64();
        var entryCount = reader.ReadInt32();
        var entries = new Dictionary<string, PackedEntry>(entryCount, StringComparer.Ordinal);
        for (var i = 0; i < entryCount; i++)
        {
            var grainId = reader.ReadString();
            var version = reader.ReadInt64();
            var payload = reader.ReadBytes(reader.ReadInt32());
            entries[grainId] = new PackedEntry(version, payload);
        }
        return new PackedPartitionImage(index, count, lastVersion, entries);
    }
}
