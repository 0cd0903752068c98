using System.Buffers.Binary;
using System.IO.Hashing;

namespace Visibility.Storage;

/// <summary>
/// How one record is laid out in a segment: <c>magic "\xA7\x1E" | crc32 u32 | length u32 | payload</c> (little-endian),
/// where the CRC covers the length bytes and the payload. A torn or garbage tail fails the magic, the length bound or the
/// CRC, so a reader stops there instead of returning bad data. Covering the length keeps all-zero garbage from passing as
/// an empty record.
/// </summary>
internal static class RecordFrame
{
    public const int HeaderLength = 10;
    private const byte Magic0 = 0xA7, Magic1 = 0x1E;

    public static int FrameLength(int payloadLength) => HeaderLength + payloadLength;

    /// <summary>Writes the frame for <paramref name="payload"/> at the start of <paramref name="destination"/>.</summary>
    public static int Write(Span<byte> destination, ReadOnlySpan<byte> payload)
    {
        destination[0] = Magic0;
        destination[1] = Magic1;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[6..], (uint)payload.Length);
        payload.CopyTo(destination[HeaderLength..]);
        var checksum = Crc32.HashToUInt32(destination.Slice(6, 4 + payload.Length));
        BinaryPrimitives.WriteUInt32LittleEndian(destination[2..], checksum);
        return FrameLength(payload.Length);
    }

    /// <summary>Reads a header; false when it is not a plausible frame start (bad magic, or a length over <paramref name="maxPayload"/>).</summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> header, int maxPayload, out uint checksum, out int payloadLength)
    {
        checksum = BinaryPrimitives.ReadUInt32LittleEndian(header[2..]);
        var length = BinaryPrimitives.ReadUInt32LittleEndian(header[6..]);
        payloadLength = (int)Math.Min(length, int.MaxValue);
        return header[0] == Magic0 && header[1] == Magic1 && length <= (uint)maxPayload;
    }

    public static bool ChecksumMatches(ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload, uint checksum)
    {
        var crc = new Crc32();
        crc.Append(header.Slice(6, 4));
        crc.Append(payload);
        return crc.GetCurrentHashAsUInt32() == checksum;
    }
}
