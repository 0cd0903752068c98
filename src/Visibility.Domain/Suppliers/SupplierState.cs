namespace Visibility.Domain.Suppliers;

[GenerateSerializer]
public sealed class SupplierState
{
    public const int HistoryCapacity = 1_000;

    [Id(0)] public SupplierProfile? Profile { get; set; }
    /// <summary>Latest report per site.</summary>
    [Id(1)] public Dictionary<string, SiteStatusReport> Current { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Every report, oldest first, bounded.</summary>
    [Id(2)] public List<SiteStatusReport> History { get; set; } = [];
    /// <summary>Every report ever recorded (the history is bounded; this is not): the view's version.</summary>
    [Id(3)] public long Reports { get; set; }

    public bool Exists => Profile != null;

    public SupplierView View()
    {
        var p = Profile!;
        return new SupplierView(p.Id, p.Name, p.Country, p.Demo, p.Sites.Select(site =>
        {
            var current = Current.GetValueOrDefault(site.Id);
            return new SiteView(site.Id, site.Name, site.Locode, site.Lat, site.Lon, site.Country, site.Parts,
                (current?.Status ?? SiteStatus.Operating).ToApi(), current?.CapacityPct ?? 100, current?.ExpectedRecovery, current?.Note, current?.At);
        }).ToArray(), Reports);
    }

    public void Record(SiteStatusReport report)
    {
        Current[report.SiteId] = report;
        History.Add(report);
        Reports++;
        if (History.Count > HistoryCapacity) History.RemoveRange(0, History.Count - HistoryCapacity);
    }
}
