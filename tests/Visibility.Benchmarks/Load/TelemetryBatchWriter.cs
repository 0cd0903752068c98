using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Visibility.Benchmarks.Load;

/// <summary>
/// Writes one POST /api/telemetry body into a reused buffer with <see cref="Utf8JsonWriter"/>: property names and
/// shipment ids are pre-encoded, message ids and the timestamp are formatted into stack memory, so a batch costs
/// no allocations. One writer per worker; the body it returns is valid until the next <see cref="Write"/>.
/// </summary>
public sealed class TelemetryBatchWriter
{
    private static readonly JsonEncodedText MessageId = JsonEncodedText.Encode("messageId");
    private static readonly JsonEncodedText ShipmentId = JsonEncodedText.Encode("shipmentId");
    private static readonly JsonEncodedText Timestamp = JsonEncodedText.Encode("timestamp");
    private static readonly JsonEncodedText Lat = JsonEncodedText.Encode("lat");
    private static readonly JsonEncodedText Lon = JsonEncodedText.Encode("lon");
    private static readonly JsonEncodedText SpeedKnots = JsonEncodedText.Encode("speedKnots");
    private static readonly JsonEncodedText HeadingDeg = JsonEncodedText.Encode("headingDeg");

    /// <summary>A container ship's service speed; given explicitly so the host never derives speed from jumps.</summary>
    private const double ReportedSpeedKnots = 17;

    private readonly ArrayBufferWriter<byte> _buffer = new(32 * 1024);
    private readonly Utf8JsonWriter _json;
    private readonly byte[] _messageIdPrefix;

    public TelemetryBatchWriter(string runTag)
    {
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
        _messageIdPrefix = Encoding.UTF8.GetBytes($"{runTag}-");
    }

    /// <summary>Keys the latency probe registered for the last batch (so a refused batch can be forgotten).</summary>
    public List<long> Claimed { get; } = [];

    /// <summary>Readings <paramref name="firstSeq"/> .. firstSeq+count−1 of <paramref name="fleet"/>, stamped <paramref name="utcNow"/>.</summary>
    public ReadOnlyMemory<byte> Write(Fleet fleet, long firstSeq, int count, DateTime utcNow, UpdateLatencyProbe? probe)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        Claimed.Clear();
        Span<byte> timestamp = stackalloc byte[32];
        if (!utcNow.TryFormat(timestamp, out int timestampLength, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
            throw new InvalidOperationException("timestamp does not fit");
        Span<byte> messageId = stackalloc byte[_messageIdPrefix.Length + 20];
        _messageIdPrefix.CopyTo(messageId);
        long sentAt = Stopwatch.GetTimestamp();

        _json.WriteStartArray();
        for (int j = 0; j < count; j++)
        {
            long seq = firstSeq + j;
            int ship = (int)(seq % fleet.Count);
            var position = fleet.PositionAt(ship, seq / fleet.Count);
            int lat4 = probe?.Claim(ship, position.Lat4, sentAt, Claimed) ?? position.Lat4;
            Utf8Formatter.TryFormat(seq, messageId[_messageIdPrefix.Length..], out int digits);

            _json.WriteStartObject();
            _json.WriteString(MessageId, messageId[..(_messageIdPrefix.Length + digits)]);
            _json.WriteString(ShipmentId, fleet.EncodedIdOf(ship));
            _json.WriteString(Timestamp, timestamp[..timestampLength]);
            _json.WriteNumber(Lat, lat4 / 1e4);
            _json.WriteNumber(Lon, position.Lon4 / 1e4);
            _json.WriteNumber(SpeedKnots, ReportedSpeedKnots);
            _json.WriteNumber(HeadingDeg, position.HeadingDeg);
            _json.WriteEndObject();
        }
        _json.WriteEndArray();
        _json.Flush();
        return _buffer.WrittenMemory;
    }
}
