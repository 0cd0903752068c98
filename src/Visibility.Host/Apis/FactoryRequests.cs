using Visibility.Domain.Factories;
using Visibility.Domain.Inventory;
using Visibility.Domain.Locations;
using Visibility.Domain.Validation;

namespace Visibility.Host.Apis;

public sealed record CreateFactoryRequest(string? Id, string? Name, string? Locode)
{
    public FactoryProfile? Validate(LocationCatalog locations, ValidationErrors errors, bool demo = false)
    {
        string why;
        if (Id == null) errors.Add("id", "is required");
        else if (!TextRules.IsValidId(Id, 64, out why)) errors.Add("id", why);
        if (string.IsNullOrWhiteSpace(Name)) errors.Add("name", "is required");
        else if (!TextRules.IsValidText(Name, 200, out why)) errors.Add("name", why);
        var location = Locode is null or { Length: > 10 } ? null : locations.Find(Locode);
        if (Locode == null) errors.Add("locode", "is required (a UN/LOCODE)");
        else if (Locode.Length > 10) errors.Add("locode", "is not a UN/LOCODE");
        else if (location == null) errors.Add("locode", $"unknown location '{Locode}'");
        return errors.IsEmpty ? new FactoryProfile(Id!, Name!.Trim(), location!.Locode, location.Lat, location.Lon, location.Country, demo) : null;
    }
}

/// <summary>PUT /api/factories/{id}/parts/{partNumber}. Nullable so a missing field is reported by name.</summary>
public sealed record PutPartRequest(
    string? HsCode, double? Adu, double? DltDays, double? LeadTimeFactor, double? VariabilityFactor,
    double? Moq, double? OrderCycleDays, double? OnHand, double? OpenOrders)
{
    public BufferParameters? Validate(ValidationErrors errors)
    {
        if (HsCode == null) errors.Add("hsCode", "is required");
        if (DltDays == null) errors.Add("dltDays", "is required");
        if (LeadTimeFactor == null) errors.Add("leadTimeFactor", "is required");
        if (VariabilityFactor == null) errors.Add("variabilityFactor", "is required");
        if (Moq == null) errors.Add("moq", "is required");
        if (OrderCycleDays == null) errors.Add("orderCycleDays", "is required");
        if (OnHand == null) errors.Add("onHand", "is required");
        if (!errors.IsEmpty) return null;
        return new BufferParameters(HsCode!, Adu, DltDays!.Value, LeadTimeFactor!.Value, VariabilityFactor!.Value, Moq!.Value,
            OrderCycleDays!.Value, OnHand!.Value, OpenOrders ?? 0).Validate(errors);
    }
}

public sealed record ConsumptionRequest(string? PartNumber, DateOnly? Date, double? Quantity);

public sealed record ConsumptionRecorded(int Recorded);

public sealed record DemandOrderRequest(string? OrderId, string? PartNumber, double? Quantity, DateOnly? DueDate);

public sealed record DemandRecorded(int Recorded);
