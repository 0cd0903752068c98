using Visibility.Domain.Factories;
using Visibility.Domain.Inventory;
using Visibility.Grains.Shipments;

namespace Visibility.Grains.Factories;

/// <summary>A factory: its DDMRP buffers per part, fed by inbound shipments, usage and supplier links. Keyed by factory id.</summary>
public interface IFactoryGrain : IGrainWithStringKey
{
    Task<FactoryCreateResult> Create(FactoryProfile profile);
    Task<FactoryView?> GetView();
    /// <summary>Sets a part's buffer parameters. Null when the factory does not exist.</summary>
    Task<BufferView?> PutPart(string partNumber, BufferParameters parameters);
    /// <summary>Records usage (replacing the figure for a day already reported). Null when the factory does not exist.</summary>
    Task<int?> RecordConsumption(ConsumptionEntry[] entries);
    /// <summary>Adds or replaces open demand orders. Null when the factory does not exist; false when a part would hold too many.</summary>
    Task<bool?> UpsertDemand(DemandOrder[] orders);
    /// <summary>An order shipped or was cancelled. Null when the factory does not exist; false when no such order is open.</summary>
    Task<bool?> CloseDemand(string orderId);
    Task<DemandOrder[]?> GetDemand(string? partNumber);
    Task<BufferView[]?> GetBuffers();
    /// <summary>Sourcing of one part, or of every part when null. Null when the factory (or the part) does not exist.</summary>
    Task<Visibility.Domain.Sourcing.PartSourcing[]?> GetSourcing(string? partNumber);
    /// <summary>
    /// Sets what is given of a part's sourcing: with <paramref name="replaceShares"/> its country shares (null: derive them
    /// from its supplier sites again), the unit value and the HTS8 line when not null. False: no such part.
    /// </summary>
    Task<bool?> SetSourcing(string partNumber, bool replaceShares, Dictionary<string, double>? countryShares, double? unitValueUsd, string? hts8 = null);
    Task<BufferDetail?> GetBuffer(string partNumber);
    /// <summary>A shipment carrying parts for this factory, with its current ETA (called on booking and when the ETA moves).</summary>
    Task UpsertInbound(string shipmentId, InboundLine[] lines, DateTimeOffset eta);
    /// <summary>The shipment was delivered: on order becomes on hand, exactly once. True the first time.</summary>
    Task<bool> Deliver(string shipmentId, InboundLine[] lines);
    /// <summary>A supplier site supplies this part (called when the supplier registers).</summary>
    Task RegisterSupply(string partNumber, SupplySource source);
    /// <summary>A supplier site posted its status; the parts it supplies here are re-published with it.</summary>
    Task UpdateSupplyStatus(string supplierId, string siteId, string status, double capacityPct, DateTimeOffset? expectedRecovery);
    /// <summary>What a disruption holds up here (shipments, parts of affected sites); answers with the rows it touches.</summary>
    Task<Visibility.Domain.Disruptions.PartRiskRow[]> SetExposure(Visibility.Domain.Disruptions.FactoryExposure exposure);
    /// <summary>The disruption is over, or no longer reaches this factory.</summary>
    Task ClearExposure(string disruptionId);
    /// <summary>TTS, TTR and units at risk now, per part the disruption touches here.</summary>
    Task<Visibility.Domain.Disruptions.PartRiskRow[]> GetRisks(string disruptionId);
}

[GenerateSerializer, Immutable]
public sealed record FactoryCreateResult([property: Id(0)] CreateOutcome Outcome, [property: Id(1)] FactoryView? View);
