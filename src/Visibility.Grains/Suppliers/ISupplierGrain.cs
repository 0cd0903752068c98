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
}

[GenerateSerializer, Immutable]
public sealed record SupplierCreateResult([property: Id(0)] CreateOutcome Outcome, [property: Id(1)] SupplierView? View);
