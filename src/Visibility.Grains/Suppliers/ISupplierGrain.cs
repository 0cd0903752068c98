using Visibility.Domain.Suppliers;
using Visibility.Grains.Shipments;

namespace Visibility.Grains.Suppliers;

/// <summary>A supplier: its sites and the status it posts about them. Keyed by supplier id.</summary>
public interface ISupplierGrain : IGrainWithStringKey
{
    Task<SupplierCreateResult> Create(SupplierProfile profile);
    Task<SupplierView?> GetView();
    /// <summary>Records a status report for one site, or for every site when <paramref name="siteId"/> is null. Null when the supplier or site is unknown.</summary>
    Task<SupplierView?> PostStatus(string? siteId, SiteStatus status, double capacityPct, DateTimeOffset? expectedRecovery, string? note);
    Task<StatusHistoryEntry[]?> GetHistory();
    /// <summary>A disruption reaches these sites (a hazard around them, their outage): their views show it. Returns them with what they supply.</summary>
    Task<Visibility.Domain.Disruptions.SiteImpact[]> MarkSites(SiteDisruption disruption, string[] siteIds);
    /// <summary>The disruption is over: no site shows it any more.</summary>
    Task ClearSites(string disruptionId);
}

[GenerateSerializer, Immutable]
public sealed record SupplierCreateResult([property: Id(0)] CreateOutcome Outcome, [property: Id(1)] SupplierView? View);
