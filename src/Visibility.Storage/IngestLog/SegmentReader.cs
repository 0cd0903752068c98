using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace Visibility.Storage;

/// <summary>Decodes the frames of one segment from a stream, stopping at the first frame that is torn or corrupt.</summary>
internal static class SegmentReader
{
    public static async IAsyncEnumerable<LogRecord> ReadAsync(
        Stream stream, long segment, long startOffset, int maxPayload, ILogger logger,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var header = new byte[RecordFrame.HeaderLength];
        var offset = startOffset;
        while (true)
        {
            var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
            if (read == 0) yield break;
            if (read < header.Length)
            {
                logger.LogWarning("Segment {Segment}: torn record header at offset {Offset}; ignoring the tail", segment, offset);
                yield break;
            }
            if (!RecordFrame.TryReadHeader(header, maxPayload, out var checksum, out var length))
            {
                logger.LogWarning("Segment {Segment}: no valid record at offset {Offset}; ignoring the tail", segment, offset);
                yield break;
            }

            var payload = new byte[length];
            if (await stream.ReadAtLeastAsync(payload, length, throwOnEndOfStream: false, ct) < length)
            {
                logger.LogWarning("Segment {Segment}: torn record at offset {Offset}; ignoring the tail", segment, offset);
                yield break;
            }
            if (!RecordFrame.ChecksumMatches(header, payload, checksum))
            {
                logger.LogWarning("Segment {Segment}: checksum mismatch at offset {Offset}; ignoring the tail", segment, offset);
                yield break;
            }

            yield return new LogRecord(new LogPosition(segment, offset), payload);
            offset += RecordFrame.FrameLength(length);
        }
    }
}
