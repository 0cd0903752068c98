using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Visibility.Domain.Disruptions;
using Visibility.Domain.Factories;
using Visibility.Domain.Inventory;
using Visibility.Grains.Live;
using Visibility.Grains.Registry;
using Visibility.Grains.Shipments;

namespace Visibility.Grains.Factories;

/// <summary>
/// A factory's buffers. Every change (parameters, usage, an inbound ETA, a delivery) recalculates the affected parts
/// with <see cref="FactoryBuffers"/> and publishes them to the manager board; a timer recalculates everything when the
/// day turns, since the projection and the usage window move with the date.
/// </summary>
public sealed class FactoryGrain(
    [PersistentState("factory", StorageProviders.Default)] IPersistentState<FactoryState> state,
    TimeProvider clock,
    ILogger<FactoryGrain> logger) : Grain, IFactoryGrain
{
    private static readonly TimeSpan DayCheck = TimeSpan.FromMinutes(10);
    private DateOnly _evaluatedDay;

    private FactoryState S => state.State;
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _evaluatedDay = Today;
        this.RegisterGrainTimer(_ => RollDayAsync(), new GrainTimerCreationOptions(DayCheck, DayCheck) { KeepAlive = true });
        if (S.Exists) PublishAll();
        return Task.CompletedTask;
    }

    public async Task<FactoryCreateResult> Create(FactoryProfile profile)
    {
        if (S.Exists) return new FactoryCreateResult(S.Profile == profile ? CreateOutcome.AlreadyExists : CreateOutcome.Conflict, View());
        S.Profile = profile;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IRegistryGrain>(Registries.Factories).Add(profile.Id);
        return new FactoryCreateResult(CreateOutcome.Created, View());
    }

    public Task<FactoryView?> GetView() => Task.FromResult(S.Exists ? View() : null);

    public async Task<BufferView?> PutPart(string partNumber, BufferParameters parameters)
    {
        if (!S.Exists) return null;
        var now = clock.GetUtcNow();
        if (S.Parts.TryGetValue(partNumber, out var part)) { part.Parameters = parameters; part.UpdatedAt = now; }
        else S.Parts[partNumber] = new PartBuffer { Parameters = parameters, UpdatedAt = now };
        await state.WriteStateAsync();
        return Publish(partNumber);
    }

    public async Task<int?> RecordConsumption(ConsumptionEntry[] entries)
    {
        if (!S.Exists) return null;
        var today = Today;
        foreach (var e in entries)
        {
            if (!S.Parts.TryGetValue(e.PartNumber, out var part)) continue; // the API refuses unknown parts before this
            part.Consumption.Replace(e.Date, e.Quantity, today);
        }
        await state.WriteStateAsync();
        foreach (var partNumber in entries.Select(e => e.PartNumber).Distinct()) if (S.Parts.ContainsKey(partNumber)) Publish(partNumber);
        return entries.Length;
    }

    public async Task<bool?> UpsertDemand(DemandOrder[] orders)
    {
        if (!S.Exists) return null;
        var changed = FactoryBuffers.UpsertDemand(S, orders);
        if (changed == null) return false;
        if (changed.Count == 0) return true;
        await state.WriteStateAsync();
        foreach (var partNumber in changed) if (S.Parts.ContainsKey(partNumber)) Publish(partNumber);
        return true;
    }

    public async Task<bool?> CloseDemand(string orderId)
    {
        if (!S.Exists) return null;
        if (FactoryBuffers.CloseDemand(S, orderId) is not { } partNumber) return false;
        await state.WriteStateAsync();
        if (S.Parts.ContainsKey(partNumber)) Publish(partNumber);
        return true;
    }

    public Task<DemandOrder[]?> GetDemand(string? partNumber) =>
        Task.FromResult(S.Exists ? FactoryBuffers.OpenDemand(S, partNumber) : null);

    public Task<Visibility.Domain.Sourcing.PartSourcing[]?> GetSourcing(string? partNumber)
    {
        if (!S.Exists || (partNumber != null && !S.Parts.ContainsKey(partNumber))) return Task.FromResult<Visibility.Domain.Sourcing.PartSourcing[]?>(null);
        var parts = partNumber != null ? [partNumber] : S.Parts.Keys.Order(StringComparer.Ordinal).ToArray();
        return Task.FromResult<Visibility.Domain.Sourcing.PartSourcing[]?>(parts.Select(p => FactoryBuffers.Sourcing(S, p, Today)).ToArray());
    }

    public async Task<bool?> SetSourcing(string partNumber, bool replaceShares, Dictionary<string, double>? countryShares, double? unitValueUsd, string? hts8 = null)
    {
        if (!S.Exists) return null;
        if (!S.Parts.TryGetValue(partNumber, out var part)) return false;
        if (replaceShares) part.CountryShares = countryShares;
        if (unitValueUsd != null) part.UnitValueUsd = unitValueUsd;
        if (hts8 != null) part.Hts8 = hts8;
        await state.WriteStateAsync();
        return true;
    }

    public Task<BufferView[]?> GetBuffers()
    {
        if (!S.Exists) return Task.FromResult<BufferView[]?>(null);
        var now = clock.GetUtcNow();
        return Task.FromResult<BufferView[]?>(S.Parts.Keys.Select(p => FactoryBuffers.View(S, p, Today, now))
            .OrderBy(b => b.PlanningPriorityPct).ToArray());
    }

    public Task<BufferDetail?> GetBuffer(string partNumber) => Task.FromResult(
        S.Exists && S.Parts.ContainsKey(partNumber) ? FactoryBuffers.Detail(S, partNumber, Today, clock.GetUtcNow()) : null);

    public async Task UpsertInbound(string shipmentId, InboundLine[] lines, DateTimeOffset eta)
    {
        var changed = FactoryBuffers.UpsertInbound(S, shipmentId, lines, eta);
        if (changed.Count == 0) return;
        await WriteIfExistsAsync();
        foreach (var partNumber in changed) if (S.Exists && S.Parts.ContainsKey(partNumber)) Publish(partNumber);
    }

    public async Task<bool> Deliver(string shipmentId, InboundLine[] lines)
    {
        var changed = FactoryBuffers.Deliver(S, shipmentId, lines, clock.GetUtcNow());
        if (changed.Count == 0) return false;
        await WriteIfExistsAsync();
        logger.LogInformation("Factory {FactoryId} received shipment {ShipmentId}: {Lines}", this.GetPrimaryKeyString(), shipmentId,
            string.Join(", ", lines.Select(l => $"{l.Quantity} × {l.PartNumber}")));
        foreach (var partNumber in changed) if (S.Exists && S.Parts.ContainsKey(partNumber)) Publish(partNumber);
        return true;
    }

    public async Task RegisterSupply(string partNumber, SupplySource source)
    {
        if (!FactoryBuffers.RegisterSupply(S, partNumber, source)) return;
        await WriteIfExistsAsync();
        if (S.Exists && S.Parts.ContainsKey(partNumber)) Publish(partNumber);
    }

    public async Task UpdateSupplyStatus(string supplierId, string siteId, string status, double capacityPct, DateTimeOffset? expectedRecovery)
    {
        var changed = FactoryBuffers.UpdateSupplyStatus(S, supplierId, siteId, status, capacityPct, expectedRecovery);
        if (changed.Count == 0) return;
        await WriteIfExistsAsync();
        foreach (var partNumber in changed) if (S.Exists && S.Parts.ContainsKey(partNumber)) Publish(partNumber);
    }

    public async Task<PartRiskRow[]> SetExposure(FactoryExposure exposure)
    {
        var changed = FactoryDisruptions.SetExposure(S, exposure);
        await WriteIfExistsAsync();
        foreach (var partNumber in changed) if (S.Exists) Publish(partNumber);
        return FactoryDisruptions.Rows(S, exposure.DisruptionId, Today, clock.GetUtcNow());
    }

    public async Task ClearExposure(string disruptionId)
    {
        if (!S.Exposures.ContainsKey(disruptionId)) return;
        var changed = FactoryDisruptions.ClearExposure(S, disruptionId);
        await WriteIfExistsAsync();
        foreach (var partNumber in changed) if (S.Exists) Publish(partNumber);
    }

    public Task<PartRiskRow[]> GetRisks(string disruptionId) =>
        Task.FromResult(FactoryDisruptions.Rows(S, disruptionId, Today, clock.GetUtcNow()));

    /// <summary>
    /// Inbound and supply links can arrive before the factory is created (a shipment booked first); they are written
    /// anyway so nothing is lost, and count from the moment the factory and its parts exist.
    /// </summary>
    private Task WriteIfExistsAsync() => state.WriteStateAsync();

    private Task RollDayAsync()
    {
        if (Today == _evaluatedDay || !S.Exists) return Task.CompletedTask;
        _evaluatedDay = Today;
        PublishAll();
        return Task.CompletedTask;
    }

    private void PublishAll()
    {
        foreach (var partNumber in S.Parts.Keys) Publish(partNumber);
    }

    private BufferView Publish(string partNumber)
    {
        var view = FactoryBuffers.View(S, partNumber, Today, clock.GetUtcNow());
        GrainFactory.GetGrain<IPushNotifierGrain>(0).PublishBuffer(view).Ignore();
        return view;
    }

    private FactoryView View()
    {
        var p = S.Profile!;
        return new FactoryView(p.Id, p.Name, p.Locode, p.Lat, p.Lon, p.Country, p.Demo, S.Parts.Keys.Order(StringComparer.Ordinal).ToArray());
    }
}
