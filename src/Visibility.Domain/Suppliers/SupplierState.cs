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
    /// <summary>Site → the outage disruption its "halted" status opened (closed again by "operating").</summary>
    [Id(4)] public Dictionary<string, string> OpenOutages { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Site → the active disruptions that reach it (its outage, hazard zones around it).</summary>
    [Id(5)] public Dictionary<string, List<SiteDisruption>> Impacts { get; set; } = new(StringComparer.Ordinal);
    /// <summary>Changes to <see cref="Impacts"/>: part of the view's version, like <see cref="Reports"/>.</summary>
    [Id(6)] public long ImpactChanges { get; set; }

    public bool Exists => Profile != null;

    public SupplierView View()
    {
        var p = Profile!;
        return new SupplierView(p.Id, p.Name, p.Country, p.Demo, p.Sites.Select(site =>
        {
            var current = Current.GetValueOrDefault(site.Id);
            return new SiteView(site.Id, site.Name, site.Locode, site.Lat, site.Lon, site.Country, site.Parts,
                (current?.Status ?? SiteStatus.Operating).ToApi(), current?.CapacityPct ?? 100, current?.ExpectedRecovery, current?.Note, current?.At,
                Impacts.TryGetValue(site.Id, out var impacts) ? [.. impacts] : []);
        }).ToArray(), Reports + ImpactChanges);
    }

    /// <summary>Marks a site as reached by a disruption. False when it already was.</summary>
    public bool Mark(string siteId, SiteDisruption disruption)
    {
        if (!Impacts.TryGetValue(siteId, out var list)) Impacts[siteId] = list = [];
        if (list.Exists(d => d.Id == disruption.Id)) return false;
        list.Add(disruption);
        ImpactChanges++;
        return true;
    }

    /// <summary>The disruption is over: no site shows it any more. False when none did.</summary>
    public bool Unmark(string disruptionId)
    {
        int removed = 0;
        foreach (var (siteId, list) in Impacts.ToArray())
        {
            removed += list.RemoveAll(d => d.Id == disruptionId);
            if (list.Count == 0) Impacts.Remove(siteId);
        }
        if (removed > 0) ImpactChanges++;
        return removed > 0;
    }

    public void Record(SiteStatusReport report)
    {
        Current[report.SiteId] = report;
        History.Add(report);
        Reports++;
        if (History.Count > HistoryCapacity) History.RemoveRange(0, History.Count - HistoryCapacity);
    }
}
