using System.IO.Compression;

namespace Visibility.Storage;

/// <summary>
/// Packed partitions keep every grain's payload in memory (a partition blob is rewritten whole), so at 10,000 shipments
/// the payload size is memory per grain. JSON state compresses 3–5× with Brotli at its fastest level, for a few
/// microseconds per write. A compressed payload starts with a marker byte JSON never starts with, so plain and compressed
/// payloads can be read side by side.
/// </summary>
internal static class PayloadCompression
{
    private const byte BrotliMarker = 0x01;

    public static byte[] Compress(byte[] json)
    {
        var output = new byte[1 + BrotliEncoder.GetMaxCompressedLength(json.Length)];
        output[0] = BrotliMarker;
        if (!BrotliEncoder.TryCompress(json, output.AsSpan(1), out int written, quality: 1, window: 22) || written + 1 >= json.Length)
            return json; // small or incompressible: keep it plain
        return output.AsSpan(0, 1 + written).ToArray();
    }

    public static byte[] Decompress(byte[] payload)
    {
        if (payload.Length == 0 || payload[0] != BrotliMarker) return payload;
        using var input = new MemoryStream(payload, 1, payload.Length - 1, writable: false);
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream(payload.Length * 4);
        brotli.CopyTo(output);
        return output.ToArray();
    }
}
