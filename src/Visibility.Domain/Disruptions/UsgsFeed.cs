using System.Text.Json;
using Visibility.Domain.Geo;
using Visibility.Domain.Validation;

namespace Visibility.Domain.Disruptions;

/// <summary>One earthquake from a USGS GeoJSON summary feed.</summary>
public sealed record QuakeItem(string Id, double Magnitude, DateTimeOffset Time, GeoPoint Epicentre, double? DepthKm, string? Place, string? Url);

/// <summary>A feed item that was not imported, and why (logged and counted).</summary>
public sealed record FeedSkip(int Index, string? ItemId, string Reason);

/// <param name="Error">Set when the document as a whole is not a feed (not JSON, no features array): nothing is imported.</param>
/// <param name="ErrorField">The member of the document the error is about ("$" for the document itself).</param>
public sealed record UsgsParseResult(IReadOnlyList<QuakeItem> Items, IReadOnlyList<FeedSkip> Skipped, string? Error, string? ErrorField = null);

/// <summary>
/// Reads the USGS earthquake summary feed format (a GeoJSON FeatureCollection; each feature has an <c>id</c>,
/// <c>properties.mag</c>, <c>properties.time</c> in ms since 1970, <c>properties.place</c> and a Point geometry
/// [lon, lat, depth km]). A malformed feature is skipped with its reason; the others are read.
/// </summary>
public static class UsgsFeed
{
    public const int MaxFeatures = 50_000;
    public const int MaxIdLength = 48;

    public static UsgsParseResult Parse(ReadOnlySpan<byte> json)
    {
        // JsonDocument reads text that is not text and throws only when a string is read: refuse it here, by its path.
        if (JsonText.Check(json) is { } notText) return new([], [], notText.Reason, notText.Path);
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { MaxDepth = 16 }); }
        catch (JsonException ex) { return new([], [], $"not JSON: {ex.Message.Split('.')[0]}"); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return new([], [], "not a GeoJSON FeatureCollection", "$");
            // The feed's own members only (a USGS summary feed has exactly these), each once.
            var members = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in root.EnumerateObject())
            {
                if (!members.Add(member.Name)) return new([], [], "appears twice", member.Name);
                if (member.Name is not ("type" or "features" or "metadata" or "bbox")) return new([], [], "is not a member of a USGS GeoJSON feed", Clip(member.Name));
            }
            if (!root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "FeatureCollection")
                return new([], [], "must be \"FeatureCollection\"", "type");
            if (!root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
                return new([], [], "must be an array of features", "features");
            if (features.GetArrayLength() > MaxFeatures) return new([], [], $"more than {MaxFeatures:N0} features");
            var items = new List<QuakeItem>();
            var skipped = new List<FeedSkip>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            int index = 0;
            foreach (var feature in features.EnumerateArray())
            {
                var (item, id, reason) = Read(feature);
                if (item != null && !seen.Add(item.Id)) (item, reason) = (null, "the same id appears earlier in the feed");
                if (item != null) items.Add(item);
                else skipped.Add(new FeedSkip(index, id, reason!));
                index++;
            }
            return new(items, skipped, null);
        }
    }

    private static (QuakeItem? Item, string? Id, string? Reason) Read(JsonElement f)
    {
        if (f.ValueKind != JsonValueKind.Object) return (null, null, "not an object");
        string? id = f.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
        if (string.IsNullOrEmpty(id)) return (null, null, "no id");
        if (id.Length > MaxIdLength || !id.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.'))
            return (null, Clip(id), $"id must be at most {MaxIdLength} letters, digits, '-', '_' or '.'");
        if (!f.TryGetProperty("properties", out var p) || p.ValueKind != JsonValueKind.Object) return (null, id, "no properties");
        if (p.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() != "earthquake")
            return (null, id, $"not an earthquake ({Clip(type.GetString()!)})");
        if (!p.TryGetProperty("mag", out var magElement) || magElement.ValueKind != JsonValueKind.Number || !magElement.TryGetDouble(out double mag)
            || !double.IsFinite(mag) || mag is < -2 or > 10)
            return (null, id, "mag missing or not a magnitude between -2 and 10");
        if (!p.TryGetProperty("time", out var timeElement) || timeElement.ValueKind != JsonValueKind.Number || !timeElement.TryGetInt64(out long ms)
            || ms < 0 || ms > 253_402_300_799_000)
            return (null, id, "time missing or not milliseconds since 1970");
        string? place = p.TryGetProperty("place", out var placeElement) && placeElement.ValueKind == JsonValueKind.String ? placeElement.GetString() : null;
        if (place != null && !TextRules.IsValidText(place, 300, out var why)) return (null, id, $"place {why}");
        string? url = p.TryGetProperty("url", out var urlElement) && urlElement.ValueKind == JsonValueKind.String ? urlElement.GetString() : null;
        if (url != null && (url.Length > 500 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))) url = null;

        if (!f.TryGetProperty("geometry", out var g) || g.ValueKind != JsonValueKind.Object
            || !g.TryGetProperty("type", out var gType) || gType.ValueKind != JsonValueKind.String || gType.GetString() != "Point"
            || !g.TryGetProperty("coordinates", out var c) || c.ValueKind != JsonValueKind.Array || c.GetArrayLength() < 2)
            return (null, id, "geometry is not a Point with coordinates");
        if (c[0].ValueKind != JsonValueKind.Number || c[1].ValueKind != JsonValueKind.Number
            || !c[0].TryGetDouble(out double lon) || !c[1].TryGetDouble(out double lat) || !GeoMath.IsValid(lat, lon))
            return (null, id, "coordinates are not a valid [lon, lat]");
        double? depth = c.GetArrayLength() > 2 && c[2].ValueKind == JsonValueKind.Number && c[2].TryGetDouble(out double d) && double.IsFinite(d) ? d : null;
        return (new QuakeItem(id, mag, DateTimeOffset.FromUnixTimeMilliseconds(ms), new GeoPoint(lat, lon), depth, place?.Trim(), url), id, null);
    }

    /// <summary>A feed's text, safe to log and echo: at most 40 characters, control characters replaced.</summary>
    private static string Clip(string value)
    {
        var safe = new string(value.Take(40).Select(ch => char.IsControl(ch) ? '?' : ch).ToArray());
        return value.Length <= 40 ? safe : safe + "…";
    }
}
