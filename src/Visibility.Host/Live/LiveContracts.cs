using System.Text.Json;
using System.Text.Json.Serialization;
using Visibility.Domain.Shipments;

namespace Visibility.Host.Live;

/// <summary>
/// A marker on the wire: the compact array [id, lat, lon, headingDeg, mode, status, flags, delayHours]. Arrays instead
/// of objects cut a 5,000-marker snapshot to about a third of its size.
/// </summary>
[JsonConverter(typeof(MarkerJsonConverter))]
public readonly record struct WireMarker(ShipmentMarker Marker);

public sealed record MapCounts(int Total, int Planned, int InTransit, int Arrived, int Late, int ColdChain, int OffRoute, int Stalled, int Silent);

public sealed record AlertEvent(string ShipmentId, string Kind, string State, DateTimeOffset At, string Message);

public sealed record MapSnapshot(long Seq, DateTimeOffset At, WireMarker[] Markers, MapCounts Counts);

public sealed record MapDelta(long Seq, DateTimeOffset At, WireMarker[] Markers, string[] Removed, MapCounts Counts, AlertEvent[] Alerts);

public sealed class MarkerJsonConverter : JsonConverter<WireMarker>
{
    public override WireMarker Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Markers are only sent by the server");

    public override void Write(Utf8JsonWriter writer, WireMarker value, JsonSerializerOptions options)
    {
        var m = value.Marker;
        writer.WriteStartArray();
        writer.WriteStringValue(m.Id);
        writer.WriteNumberValue(Math.Round(m.Lat, 4));
        writer.WriteNumberValue(Math.Round(m.Lon, 4));
        writer.WriteNumberValue(Math.Round(m.HeadingDeg));
        writer.WriteNumberValue((int)m.Mode);
        writer.WriteNumberValue((int)m.Status);
        writer.WriteNumberValue((int)m.Flags);
        writer.WriteNumberValue(Math.Round(m.DelayHours, 1));
        writer.WriteEndArray();
    }
}
