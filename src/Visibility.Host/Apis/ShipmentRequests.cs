using Visibility.Domain.Locations;
using Visibility.Domain.Shipments;
using Visibility.Domain.Validation;

namespace Visibility.Host.Apis;

/// <summary>POST /api/shipments body. Everything nullable so a missing field is reported by name, not as a parse error.</summary>
/// <param name="SupplierId">Optional: the registered supplier that ships it (its users then see it and post its milestones).</param>
public sealed record CreateShipmentRequest(
    string? Id, string? Reference, string? Mode, string? Origin, string? Destination,
    DateTimeOffset? PlannedDeparture, DateTimeOffset? PlannedArrival, CargoLineRequest[]? Cargo, ReeferRequest? Reefer,
    string? SupplierId = null)
{
    public const int MaxCargoLines = 200;

    /// <summary>True when <see cref="SupplierId"/> is worth looking up (given, and shaped like an id).</summary>
    public bool NamesSupplier => SupplierId != null && TextRules.IsValidId(SupplierId, 64, out _);

    /// <summary>
    /// Checks every field; on success returns the booking with codes normalised to upper case.
    /// <paramref name="supplierKnown"/>: whether the caller found <see cref="SupplierId"/> registered (looked up beforehand,
    /// since that takes a grain call).
    /// </summary>
    public ShipmentDefinition? Validate(LocationCatalog locations, ValidationErrors errors, bool supplierKnown = false)
    {
        string why;
        if (SupplierId != null)
        {
            if (!TextRules.IsValidId(SupplierId, 64, out why)) errors.Add("supplierId", why);
            else if (!supplierKnown) errors.Add("supplierId", $"unknown supplier '{SupplierId}'");
        }
        if (Id == null) errors.Add("id", "is required");
        else if (!TextRules.IsValidId(Id, 64, out why)) errors.Add("id", why);
        if (Reference != null && !TextRules.IsValidText(Reference, 128, out why)) errors.Add("reference", why);
        if (!TransportModeNames.TryParse(Mode, out var mode)) errors.Add("mode", "must be ocean, air or truck");

        var origin = CheckLocation("origin", Origin, mode, locations, errors);
        var destination = CheckLocation("destination", Destination, mode, locations, errors);
        if (origin != null && destination != null && origin.Locode == destination.Locode)
            errors.Add("destination", "must differ from origin");

        if (PlannedDeparture == null) errors.Add("plannedDeparture", "is required");
        if (PlannedArrival != null && PlannedDeparture != null && PlannedArrival <= PlannedDeparture)
            errors.Add("plannedArrival", "must be after plannedDeparture");

        var cargo = Cargo ?? [];
        if (cargo.Length > MaxCargoLines) errors.Add("cargo", $"at most {MaxCargoLines} lines");
        for (int i = 0; i < Math.Min(cargo.Length, MaxCargoLines); i++)
        {
            var line = cargo[i];
            if (line == null) { errors.Add($"cargo[{i}]", "must be an object"); continue; }
            if (line.PartNumber == null) errors.Add($"cargo[{i}].partNumber", "is required");
            else if (!TextRules.IsValidId(line.PartNumber, 64, out why)) errors.Add($"cargo[{i}].partNumber", why);
            if (line.Quantity is not > 0) errors.Add($"cargo[{i}].quantity", "must be a positive whole number");
            else if (line.Quantity > 1_000_000_000) errors.Add($"cargo[{i}].quantity", "must be at most 1,000,000,000");
            if (line.FactoryId != null && !TextRules.IsValidId(line.FactoryId, 64, out why)) errors.Add($"cargo[{i}].factoryId", why);
        }
        if (Reefer != null)
        {
            if (Reefer.MinC is not { } min || !double.IsFinite(min) || min < -100 || min > 100) errors.Add("reefer.minC", "must be a temperature between -100 and 100 °C");
            if (Reefer.MaxC is not { } max || !double.IsFinite(max) || max < -100 || max > 100) errors.Add("reefer.maxC", "must be a temperature between -100 and 100 °C");
            if (Reefer.MinC >= Reefer.MaxC) errors.Add("reefer", "minC must be below maxC");
        }
        if (!errors.IsEmpty) return null;

        return new ShipmentDefinition(Id!, Reference ?? Id!, mode, origin!.Locode, destination!.Locode, PlannedDeparture!.Value.ToUniversalTime(),
            PlannedArrival?.ToUniversalTime(), cargo.Select(c => new CargoLine(c.PartNumber!, c.Quantity!.Value, c.FactoryId)).ToArray(),
            Reefer == null ? null : new ReeferRange(Reefer.MinC!.Value, Reefer.MaxC!.Value), SupplierId);
    }

    private static Location? CheckLocation(string field, string? code, TransportMode mode, LocationCatalog locations, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(code)) { errors.Add(field, "is required (a UN/LOCODE)"); return null; }
        if (code.Length > 10) { errors.Add(field, "is not a UN/LOCODE"); return null; }
        var location = locations.Find(code);
        if (location == null) { errors.Add(field, $"unknown location '{code}'"); return null; }
        if (mode == TransportMode.Ocean && !location.IsPort) errors.Add(field, $"{location.Locode} ({location.Name}) is not a port");
        if (mode == TransportMode.Air && !location.IsAirport) errors.Add(field, $"{location.Locode} ({location.Name}) has no airport in the catalog");
        return location;
    }
}

public sealed record CargoLineRequest(string? PartNumber, long? Quantity, string? FactoryId);

public sealed record ReeferRequest(double? MinC, double? MaxC);

public sealed record ShipmentPage(int Total, int Offset, int Limit, ShipmentView[] Items);

public sealed record MilestoneRequest(string? Code, DateTimeOffset? At, string? Locode, string? Note)
{
    public Milestone? Validate(LocationCatalog locations, DateTimeOffset now, ValidationErrors errors)
    {
        if (!MilestoneRules.TryParse(Code, out var code)) errors.Add("code", $"must be one of {MilestoneRules.AllNames}");
        if (At == null) errors.Add("at", "is required");
        else if (At > now + Domain.Telemetry.TelemetryBatchParser.MaxClockSkew) errors.Add("at", "is in the future");
        string? locode = null;
        if (Locode != null)
        {
            if (Locode.Length > 10) errors.Add("locode", "is not a UN/LOCODE");
            else if (locations.Find(Locode) is { } location) locode = location.Locode;
            else errors.Add("locode", $"unknown location '{Locode}'");
        }
        if (Note != null && !TextRules.IsValidText(Note, 2_000, out var why)) errors.Add("note", why);
        return errors.IsEmpty ? new Milestone(code, At!.Value.ToUniversalTime(), locode, Note) : null;
    }
}
