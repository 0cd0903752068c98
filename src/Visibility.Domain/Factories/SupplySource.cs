namespace Visibility.Domain.Factories;

/// <summary>
/// A supplier site that supplies a part to a factory, with the status it last posted. The factory keeps these so its
/// board rows can say where a part comes from and whether that source is running, halted or reduced.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SupplySource(
    [property: Id(0)] string SupplierId,
    [property: Id(1)] string SupplierName,
    [property: Id(2)] string SiteId,
    [property: Id(3)] string SiteName,
    [property: Id(4)] string Country,
    [property: Id(5)] string Status = SupplySource.Operating,
    [property: Id(6)] double CapacityPct = 100,
    [property: Id(7)] DateTimeOffset? ExpectedRecovery = null)
{
    public const string Operating = "operating";
    public const string Reduced = "reduced";
    public const string Halted = "halted";

    [System.Text.Json.Serialization.JsonIgnore]
    public string Key => SupplierId + "/" + SiteId;

    /// <summary>Halted is worse than reduced, reduced worse than operating; null when a part has no known source.</summary>
    public static string? Worst(IEnumerable<SupplySource> sources) =>
        sources.Select(s => s.Status).OrderByDescending(Rank).FirstOrDefault();

    private static int Rank(string status) => status switch { Halted => 2, Reduced => 1, _ => 0 };
}
