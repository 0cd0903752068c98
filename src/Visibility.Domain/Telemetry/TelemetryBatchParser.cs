using System.Text.Json;
using Visibility.Domain.Validation;

namespace Visibility.Domain.Telemetry;

/// <summary>
/// Parses and validates a telemetry batch in one pass over the UTF-8 body with <see cref="Utf8JsonReader"/>:
/// faster than binding to a DTO and able to name the exact item and field that is wrong ("[3].lat").
/// A batch is all or nothing: any error means the caller applies none of it.
/// </summary>
public static class TelemetryBatchParser
{
    public const int MaxReadings = 1_000;
    public const int MaxIdLength = 128;
    /// <summary>Trackers' clocks drift; a reading further ahead of the server clock than this is refused.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    public sealed record Result(IReadOnlyList<AddressedReading> Readings, ValidationErrors Errors)
    {
        public bool IsValid => Errors.IsEmpty;
    }

    /// <param name="now">The server clock for the future-timestamp check; null skips it (log replay of readings accepted earlier).</param>
    public static Result Parse(ReadOnlySpan<byte> utf8Json, Func<string, bool> shipmentExists, DateTimeOffset? now)
    {
        var errors = new ValidationErrors();
        var readings = new List<AddressedReading>();
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 8 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                errors.Add("$", "the body must be a JSON array of readings");
                return new Result([], errors);
            }
            int index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (index >= MaxReadings)
                {
                    errors.Add("$", $"a batch holds at most {MaxReadings} readings");
                    return new Result([], errors);
                }
                var reading = ParseItem(ref reader, index, errors, shipmentExists, now);
                if (reading != null) readings.Add(reading);
                index++;
            }
            if (reader.Read()) errors.Add("$", "unexpected content after the array");
            if (index == 0) errors.Add("$", "the batch is empty");
        }
        catch (JsonException ex)
        {
            errors.Add("$", $"malformed JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}");
        }
        catch (InvalidOperationException)
        {
            // The reader's "cannot transcode" family (text that is not text) where no field check caught it first.
            errors.Add("$", JsonText.NotText);
        }
        return errors.IsEmpty ? new Result(readings, errors) : new Result([], errors);
    }

    /// <summary>A field's JSON path, formatted only when there is an error to report (the happy path allocates nothing for it).</summary>
    private readonly record struct FieldPath(int Index, string Name)
    {
        public override string ToString() => $"[{Index}].{Name}";
    }

    [Flags]
    private enum Seen
    {
        None = 0, MessageId = 1, ShipmentId = 2, Timestamp = 4, Lat = 8, Lon = 16, Speed = 32, Heading = 64,
        Temperature = 128, Humidity = 256, Shock = 512, Door = 1024, Battery = 2048,
    }

    private static AddressedReading? ParseItem(ref Utf8JsonReader reader, int index, ValidationErrors errors,
        Func<string, bool> shipmentExists, DateTimeOffset? now)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            errors.Add($"[{index}]", "each reading must be a JSON object");
            reader.Skip();
            return null;
        }
        int before = errors.Count;
        string? messageId = null, shipmentId = null;
        DateTimeOffset? timestamp = null;
        double? lat = null, lon = null, speed = null, heading = null, temp = null, humidity = null, shock = null, battery = null;
        bool? door = null;
        var seen = Seen.None;

        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var (flag, name) = Identify(ref reader);
            if (flag == Seen.None)
            {
                // Echoed in the answer: bounded, whatever the sender named it.
                string? unknown = JsonText.GetStringOrNull(ref reader);
                string message = unknown == null ? JsonText.NameNotText : "unknown property";
                unknown ??= "\uFFFD";
                if (unknown.Length > 64) unknown = unknown[..64] + "…";
                reader.Read();
                errors.Add(new FieldPath(index, unknown).ToString(), message);
                reader.Skip();
                continue;
            }
            var field = new FieldPath(index, name);
            reader.Read();
            if ((seen & flag) != 0) { errors.Add(field.ToString(), "the property appears twice"); reader.Skip(); continue; }
            seen |= flag;
            switch (flag)
            {
                case Seen.MessageId: messageId = ReadId(ref reader, field, errors); break;
                case Seen.ShipmentId: shipmentId = ReadId(ref reader, field, errors); break;
                case Seen.Timestamp: timestamp = ReadTimestamp(ref reader, field, errors); break;
                case Seen.Lat: lat = ReadNumber(ref reader, field, errors, -90, 90, required: true); break;
                case Seen.Lon: lon = ReadNumber(ref reader, field, errors, -180, 180, required: true); break;
                case Seen.Speed: speed = ReadNumber(ref reader, field, errors, 0, 1_000); break;
                case Seen.Heading: heading = ReadNumber(ref reader, field, errors, 0, 360); break;
                case Seen.Temperature: temp = ReadNumber(ref reader, field, errors, -100, 100); break;
                case Seen.Humidity: humidity = ReadNumber(ref reader, field, errors, 0, 100); break;
                case Seen.Shock: shock = ReadNumber(ref reader, field, errors, 0, 1_000); break;
                case Seen.Battery: battery = ReadNumber(ref reader, field, errors, 0, 100); break;
                case Seen.Door:
                    if (reader.TokenType is JsonTokenType.True or JsonTokenType.False) door = reader.GetBoolean();
                    else if (reader.TokenType != JsonTokenType.Null) { errors.Add(field.ToString(), "must be true or false"); reader.Skip(); }
                    break;
            }
        }

        if ((seen & Seen.MessageId) == 0) errors.Add($"[{index}].messageId", "is required");
        if ((seen & Seen.ShipmentId) == 0) errors.Add($"[{index}].shipmentId", "is required");
        if ((seen & Seen.Timestamp) == 0) errors.Add($"[{index}].timestamp", "is required");
        if ((seen & Seen.Lat) == 0) errors.Add($"[{index}].lat", "is required");
        if ((seen & Seen.Lon) == 0) errors.Add($"[{index}].lon", "is required");
        if (shipmentId != null && !shipmentExists(shipmentId)) errors.Add($"[{index}].shipmentId", $"unknown shipment '{shipmentId}'");
        if (timestamp is { } ts && now is { } clock && ts > clock + MaxClockSkew) errors.Add($"[{index}].timestamp", "is in the future");

        if (errors.Count != before || messageId == null || shipmentId == null || timestamp == null || lat == null || lon == null)
            return null;
        return new AddressedReading(shipmentId,
            new TelemetryReading(messageId, timestamp.Value, lat.Value, lon.Value, speed, heading, temp, humidity, shock, door, battery));
    }

    /// <summary>Matches the property name against the UTF-8 bytes of the known names, without allocating a string.</summary>
    private static (Seen Flag, string Name) Identify(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("messageId"u8)) return (Seen.MessageId, "messageId");
        if (reader.ValueTextEquals("shipmentId"u8)) return (Seen.ShipmentId, "shipmentId");
        if (reader.ValueTextEquals("timestamp"u8)) return (Seen.Timestamp, "timestamp");
        if (reader.ValueTextEquals("lat"u8)) return (Seen.Lat, "lat");
        if (reader.ValueTextEquals("lon"u8)) return (Seen.Lon, "lon");
        if (reader.ValueTextEquals("speedKnots"u8)) return (Seen.Speed, "speedKnots");
        if (reader.ValueTextEquals("headingDeg"u8)) return (Seen.Heading, "headingDeg");
        if (reader.ValueTextEquals("temperatureC"u8)) return (Seen.Temperature, "temperatureC");
        if (reader.ValueTextEquals("humidityPct"u8)) return (Seen.Humidity, "humidityPct");
        if (reader.ValueTextEquals("shockG"u8)) return (Seen.Shock, "shockG");
        if (reader.ValueTextEquals("doorOpen"u8)) return (Seen.Door, "doorOpen");
        if (reader.ValueTextEquals("batteryPct"u8)) return (Seen.Battery, "batteryPct");
        return (Seen.None, "");
    }

    private static string? ReadId(ref Utf8JsonReader reader, FieldPath field, ValidationErrors errors)
    {
        if (reader.TokenType != JsonTokenType.String) { errors.Add(field.ToString(), "must be a string"); reader.Skip(); return null; }
        string? value = JsonText.GetStringOrNull(ref reader);
        if (value == null) { errors.Add(field.ToString(), JsonText.NotText); return null; }
        if (!TextRules.IsValidId(value, MaxIdLength, out var why)) { errors.Add(field.ToString(), why); return null; }
        return value;
    }

    private static DateTimeOffset? ReadTimestamp(ref Utf8JsonReader reader, FieldPath field, ValidationErrors errors)
    {
        if (reader.TokenType != JsonTokenType.String) { errors.Add(field.ToString(), "must be an RFC 3339 string"); reader.Skip(); return null; }
        if (JsonText.GetStringOrNull(ref reader) is not { } text) { errors.Add(field.ToString(), JsonText.NotText); return null; }
        if (!Rfc3339.TryParse(text, out var value))
        {
            errors.Add(field.ToString(), "must be an RFC 3339 date-time with a time zone, e.g. 2026-11-22T10:00:00Z");
            return null;
        }
        return value;
    }

    private static double? ReadNumber(ref Utf8JsonReader reader, FieldPath field, ValidationErrors errors, double min, double max, bool required = false)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            if (required) errors.Add(field.ToString(), "is required");
            return null;
        }
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out double value))
        {
            errors.Add(field.ToString(), "must be a number");
            reader.Skip();
            return null;
        }
        if (!double.IsFinite(value) || value < min || value > max)
        {
            errors.Add(field.ToString(), FormattableString.Invariant($"must be between {min} and {max}"));
            return null;
        }
        return value;
    }
}
