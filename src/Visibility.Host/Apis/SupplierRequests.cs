using Visibility.Domain.Locations;
using Visibility.Domain.Suppliers;
using Visibility.Domain.Validation;

namespace Visibility.Host.Apis;

public sealed record CreateSupplierRequest(string? Id, string? Name, string? Country, SiteRequest[]? Sites)
{
    public const int MaxSites = 100;
    public const int MaxParts = 500;

    public SupplierProfile? Validate(LocationCatalog locations, ValidationErrors errors, bool demo = false)
    {
        string why;
        if (Id == null) errors.Add("id", "is required");
        else if (!TextRules.IsValidId(Id, 64, out why)) errors.Add("id", why);
        if (string.IsNullOrWhiteSpace(Name)) errors.Add("name", "is required");
        else if (!TextRules.IsValidText(Name, 200, out why)) errors.Add("name", why);
        if (!CountryCodes.IsValid(Country)) errors.Add("country", "must be an ISO 3166 alpha-2 code such as CN");
        var sites = Sites ?? [];
        if (sites.Length == 0) errors.Add("sites", "at least one site is required");
        if (sites.Length > MaxSites) errors.Add("sites", $"at most {MaxSites} sites");
        var result = new List<SupplierSite>();
        var siteIds = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < Math.Min(sites.Length, MaxSites); i++)
        {
            var site = sites[i];
            string at = $"sites[{i}]";
            if (site == null) { errors.Add(at, "must be an object"); continue; }
            if (site.Id == null) errors.Add($"{at}.id", "is required");
            else if (!TextRules.IsValidId(site.Id, 64, out why)) errors.Add($"{at}.id", why);
            else if (!siteIds.Add(site.Id)) errors.Add($"{at}.id", "appears twice");
            if (string.IsNullOrWhiteSpace(site.Name)) errors.Add($"{at}.name", "is required");
            else if (!TextRules.IsValidText(site.Name, 200, out why)) errors.Add($"{at}.name", why);

            double lat = 0, lon = 0;
            string? locode = null;
            string country = Country ?? "";
            if (site.Locode != null)
            {
                var location = site.Locode.Length > 10 ? null : locations.Find(site.Locode);
                if (site.Locode.Length > 10) errors.Add($"{at}.locode", "is not a UN/LOCODE");
                else if (location == null) errors.Add($"{at}.locode", $"unknown location '{site.Locode}'");
                else { locode = location.Locode; lat = location.Lat; lon = location.Lon; country = location.Country; }
                if (site.Lat != null || site.Lon != null) errors.Add($"{at}.locode", "give either locode or lat/lon, not both");
            }
            else if (site.Lat is { } la && site.Lon is { } lo)
            {
                if (!Domain.Geo.GeoMath.IsValid(la, lo)) errors.Add($"{at}.lat", "lat must be within ±90 and lon within ±180");
                lat = la; lon = lo;
            }
            else errors.Add($"{at}.locode", "give a locode or lat and lon");

            var parts = site.Parts ?? [];
            if (parts.Length > MaxParts) errors.Add($"{at}.parts", $"at most {MaxParts} parts");
            var supplied = new List<SuppliedPart>();
            for (int j = 0; j < Math.Min(parts.Length, MaxParts); j++)
            {
                var part = parts[j];
                string pat = $"{at}.parts[{j}]";
                if (part == null) { errors.Add(pat, "must be an object"); continue; }
                if (part.PartNumber == null) errors.Add($"{pat}.partNumber", "is required");
                else if (!TextRules.IsValidId(part.PartNumber, 64, out why)) errors.Add($"{pat}.partNumber", why);
                var factories = part.FactoryIds ?? [];
                for (int k = 0; k < factories.Length; k++)
                    if (factories[k] == null || !TextRules.IsValidId(factories[k]!, 64, out why)) errors.Add($"{pat}.factoryIds[{k}]", "must be a factory id");
                if (part.PartNumber != null) supplied.Add(new SuppliedPart(part.PartNumber, factories.Where(f => f != null).Select(f => f!).Distinct().ToArray()));
            }
            if (site.Id != null && site.Name != null) result.Add(new SupplierSite(site.Id, site.Name, locode, lat, lon, country, [.. supplied]));
        }
        return errors.IsEmpty ? new SupplierProfile(Id!, Name!.Trim(), Country!.ToUpperInvariant(), [.. result], demo) : null;
    }
}

public sealed record SiteRequest(string? Id, string? Name, string? Locode, double? Lat, double? Lon, SuppliedPartRequest[]? Parts);

public sealed record SuppliedPartRequest(string? PartNumber, string?[]? FactoryIds);

public sealed record SupplierStatusRequest(string? SiteId, string? Status, double? CapacityPct, DateTimeOffset? ExpectedRecovery, string? Note)
{
    public const int MaxNoteLength = 2_000;

    public bool Validate(ValidationErrors errors, out SiteStatus status)
    {
        string why;
        if (!SiteStatusNames.TryParse(Status, out status)) errors.Add("status", "must be operating, reduced or halted");
        if (CapacityPct is not { } c) errors.Add("capacityPct", "is required (0–100)");
        else if (!double.IsFinite(c) || c < 0 || c > 100) errors.Add("capacityPct", "must be between 0 and 100");
        if (SiteId != null && !TextRules.IsValidId(SiteId, 64, out why)) errors.Add("siteId", why);
        if (Note != null && !TextRules.IsValidText(Note, MaxNoteLength, out why)) errors.Add("note", why);
        return errors.IsEmpty;
    }
}

/// <summary>ISO 3166-1 alpha-2 codes, from the UN/LOCODE country list when loaded (two upper-case letters otherwise).</summary>
public static class CountryCodes
{
    public static bool IsValid(string? code) => code is { Length: 2 } && char.IsAsciiLetter(code[0]) && char.IsAsciiLetter(code[1]);
}
