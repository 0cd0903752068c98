using System.Security.Cryptography;
using System.Text.Json;
using Visibility.Domain.Disruptions;
using Visibility.Domain.Geo;
using Visibility.Domain.Locations;
using Visibility.Domain.Routing;
using Visibility.Domain.Validation;

namespace Visibility.Host.Apis;

/// <summary>
/// POST /api/disruptions. Which place fields a type takes: chokepoint-closure a <c>chokepoint</c>; port-closure,
/// port-congestion and customs-hold a <c>locode</c> (the last two a <c>delayDays</c>); natural-hazard and
/// security-zone a <c>center</c> with <c>radiusKm</c> or a GeoJSON <c>polygon</c>; supplier-site-outage a
/// <c>supplierId</c> and <c>siteId</c>. A field the type does not take is refused rather than ignored.
/// </summary>
public sealed record CreateDisruptionRequest(
    string? Id,
    string? Type,
    string? Severity,
    string? Title,
    string? Chokepoint,
    string? Locode,
    PointRequest? Center,
    double? RadiusKm,
    JsonElement? Polygon,
    string? SupplierId,
    string? SiteId,
    double? DelayDays,
    DateTimeOffset? Start,
    DateTimeOffset? ExpectedEnd,
    string? Source,
    string? Note)
{
    public const double MaxRadiusKm = 5_000;
    public const double MaxDelayDays = 365;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(3 * 365);

    /// <summary>Checks every field (all errors at once); the supplier and site are checked against the grain by the caller.</summary>
    public DisruptionDefinition? Validate(LocationCatalog locations, DateTimeOffset now, ValidationErrors errors)
    {
        string why;
        string id = Id ?? NewId(now);
        if (Id != null && !IsUrlSafeId(Id)) errors.Add("id", "must be 1–64 letters, digits, '-', '_' or '.'");
        if (!DisruptionNames.TryParseType(Type, out var type))
        {
            errors.Add("type", "must be one of " + string.Join(", ", DisruptionNames.TypeNames));
            return null; // the other fields depend on the type
        }
        var severity = DisruptionSeverity.High;
        if (Severity != null && !DisruptionNames.TryParseSeverity(Severity, out severity)) errors.Add("severity", "must be low, medium, high or critical");
        if (Title != null && (string.IsNullOrWhiteSpace(Title) || !TextRules.IsValidText(Title, 200, out _))) errors.Add("title", "must be 1–200 characters of text");
        if (Source != null && (string.IsNullOrWhiteSpace(Source) || !TextRules.IsValidText(Source, 100, out _))) errors.Add("source", "must be 1–100 characters of text");
        if (Note != null && !TextRules.IsValidText(Note, 2_000, out why)) errors.Add("note", why);

        string? chokepoint = null, locode = null, placeName = null;
        GeoPoint? point = null;
        ZoneGeometry? zone = null;
        double delayDays = 0;
        Refuse(errors, type, "chokepoint", Chokepoint != null, type == DisruptionType.ChokepointClosure);
        Refuse(errors, type, "locode", Locode != null, type.IsPortType());
        Refuse(errors, type, "delayDays", DelayDays != null, type is DisruptionType.PortCongestion or DisruptionType.CustomsHold);
        Refuse(errors, type, "center", Center != null, type.IsZoneType());
        Refuse(errors, type, "radiusKm", RadiusKm != null, type.IsZoneType());
        Refuse(errors, type, "polygon", Polygon != null, type.IsZoneType());
        Refuse(errors, type, "supplierId", SupplierId != null, type == DisruptionType.SupplierSiteOutage);
        Refuse(errors, type, "siteId", SiteId != null, type == DisruptionType.SupplierSiteOutage);

        switch (type)
        {
            case DisruptionType.ChokepointClosure:
                if (Chokepoint == null) errors.Add("chokepoint", "is required");
                else if (!Chokepoints.TryGet(Chokepoint, out var c)) errors.Add("chokepoint", "must be one of " + string.Join(", ", Chokepoints.All.Select(k => k.Name)));
                else { chokepoint = c.Name; point = c.Point; placeName = c.DisplayName; }
                break;
            case DisruptionType.PortClosure or DisruptionType.PortCongestion or DisruptionType.CustomsHold:
                if (Locode == null) errors.Add("locode", "is required");
                else if (locations.Find(Locode) is not { } location) errors.Add("locode", $"unknown location '{Clip(Locode)}'");
                else { locode = location.Locode; point = location.Point; placeName = location.Name; }
                if (type != DisruptionType.PortClosure)
                {
                    if (DelayDays is not { } d) errors.Add("delayDays", "is required (days added to the ETA)");
                    else if (!double.IsFinite(d) || d <= 0 || d > MaxDelayDays) errors.Add("delayDays", $"must be more than 0 and at most {MaxDelayDays}");
                    else delayDays = d;
                }
                break;
            case DisruptionType.NaturalHazard or DisruptionType.SecurityZone:
                zone = ValidateZone(errors);
                if (zone != null) point = zone.Anchor();
                break;
            case DisruptionType.SupplierSiteOutage:
                if (SupplierId == null) errors.Add("supplierId", "is required");
                else if (!TextRules.IsValidId(SupplierId, 64, out why)) errors.Add("supplierId", why);
                if (SiteId == null) errors.Add("siteId", "is required");
                else if (!TextRules.IsValidId(SiteId, 64, out why)) errors.Add("siteId", why);
                break;
        }

        var start = Start?.ToUniversalTime() ?? now;
        if (Start is { } s && (s < now - MaxDuration || s > now + MaxDuration)) errors.Add("start", "must be within three years of now");
        if (ExpectedEnd is { } end)
        {
            if (end <= now) errors.Add("expectedEnd", "must be in the future (it is the time to recover)");
            else if (end <= start) errors.Add("expectedEnd", "must be after start");
            else if (end - start > MaxDuration) errors.Add("expectedEnd", "must be within three years of start");
        }
        else if (type != DisruptionType.SecurityZone) errors.Add("expectedEnd", "is required: it is the time to recover the impact is measured against");

        if (!errors.IsEmpty) return null;
        return new DisruptionDefinition
        {
            Id = id,
            Type = type,
            Severity = severity,
            Title = Title?.Trim() ?? DisruptionTitles.For(type, placeName, delayDays),
            Chokepoint = chokepoint,
            Locode = locode,
            Zone = zone,
            SupplierId = SupplierId,
            SiteId = SiteId,
            DelayDays = delayDays,
            Start = start,
            ExpectedEnd = ExpectedEnd?.ToUniversalTime(),
            Source = Source?.Trim() ?? "manual",
            Note = Note,
            Point = point,
            PlaceName = placeName,
        };
    }

    private ZoneGeometry? ValidateZone(ValidationErrors errors)
    {
        if (Polygon is { } polygon)
        {
            if (Center != null || RadiusKm != null) { errors.Add("polygon", "give either center and radiusKm or a polygon, not both"); return null; }
            if (!GeoJsonZones.TryParse(polygon, out var zone, out var error)) { errors.Add("polygon", error); return null; }
            return zone;
        }
        if (Center == null) errors.Add("center", "give center and radiusKm, or a GeoJSON polygon");
        else if (Center.Lat is not { } lat || Center.Lon is not { } lon || !GeoMath.IsValid(lat, lon)) errors.Add("center", "lat must be within ±90 and lon within ±180");
        if (RadiusKm is not { } r) errors.Add("radiusKm", "is required with center");
        else if (!double.IsFinite(r) || r <= 0 || r > MaxRadiusKm) errors.Add("radiusKm", $"must be more than 0 and at most {MaxRadiusKm:N0}");
        return errors.IsEmpty ? ZoneGeometry.Circle(new GeoPoint(Center!.Lat!.Value, Center.Lon!.Value), RadiusKm!.Value) : null;
    }

    private static void Refuse(ValidationErrors errors, DisruptionType type, string field, bool given, bool allowed)
    {
        if (given && !allowed) errors.Add(field, $"not used by a {type.ToApi()}");
    }

    /// <summary>Ids appear in URLs: letters, digits, '-', '_' and '.' only.</summary>
    public static bool IsUrlSafeId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static string NewId(DateTimeOffset now) => $"D-{now:yyyyMMdd-HHmmss}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant()}";

    private static string Clip(string value) => new(value.Take(20).Select(ch => char.IsControl(ch) ? '?' : ch).ToArray());
}

public sealed record PointRequest(double? Lat, double? Lon);
