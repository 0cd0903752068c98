namespace Visibility.Simulator;

/// <summary>
/// Which registered supplier ships a voyage's cargo. A voyage is credited to a supplier only when that supplier, from a
/// site in the origin port's country, supplies every cargo line's part to that line's factory, and no other supplier
/// does too: the cargo then really is that supplier's. Anything else (a part nobody there supplies, a mixed load from
/// two suppliers, a line without a factory) ships without a supplier.
/// Only demo suppliers are used: synthetic voyages must not appear in a real supplier's portal.
/// </summary>
public sealed class ShipperCatalog
{
    public static readonly ShipperCatalog Empty = new([]);

    private readonly Dictionary<(string Country, string Part, string Factory), HashSet<string>> _suppliers = new();

    public ShipperCatalog(IEnumerable<SupplierDto> suppliers)
    {
        foreach (var supplier in suppliers.Where(s => s.Demo))
        {
            SupplierIds.Add(supplier.Id);
            foreach (var site in supplier.Sites ?? [])
                foreach (var part in site.Parts ?? [])
                    foreach (var factory in part.FactoryIds ?? [])
                    {
                        var key = (site.Country.ToUpperInvariant(), part.PartNumber, factory);
                        if (!_suppliers.TryGetValue(key, out var ids)) _suppliers[key] = ids = new(StringComparer.Ordinal);
                        ids.Add(supplier.Id);
                    }
        }
    }

    /// <summary>The demo suppliers this catalog credits voyages to.</summary>
    public SortedSet<string> SupplierIds { get; } = new(StringComparer.Ordinal);

    /// <summary>The one supplier whose cargo this is (see the class summary), or null.</summary>
    /// <param name="originLocode">Where the voyage is loaded; its first two letters are the country (UN/LOCODE).</param>
    public string? ShipperOf(string originLocode, IReadOnlyList<CargoLine> cargo)
    {
        if (cargo.Count == 0 || originLocode.Length < 2) return null;
        string country = originLocode[..2].ToUpperInvariant();
        HashSet<string>? candidates = null;
        foreach (var line in cargo)
        {
            if (line.FactoryId is null || !_suppliers.TryGetValue((country, line.PartNumber, line.FactoryId), out var ids)) return null;
            if (candidates is null) candidates = new(ids, StringComparer.Ordinal);
            else candidates.IntersectWith(ids);
            if (candidates.Count == 0) return null;
        }
        return candidates!.Count == 1 ? candidates.First() : null;
    }
}

/// <summary>Where the simulator learns the suppliers it may credit voyages to.</summary>
public interface IShipperSource
{
    Task<ShipperCatalog> LoadAsync(VisibilityApiClient api, CancellationToken ct);
}

/// <summary>From the API: GET /api/suppliers (the simulator's operator may read them). No answer: no shippers.</summary>
public sealed class ApiShipperSource : IShipperSource
{
    public async Task<ShipperCatalog> LoadAsync(VisibilityApiClient api, CancellationToken ct) =>
        await api.GetSuppliersAsync(ct) is { } suppliers ? new ShipperCatalog(suppliers) : ShipperCatalog.Empty;
}
