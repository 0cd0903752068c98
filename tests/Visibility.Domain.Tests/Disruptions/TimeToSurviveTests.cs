using Visibility.Domain.Disruptions;
using Visibility.Domain.Factories;
using Visibility.Domain.Inventory;

namespace Visibility.Domain.Tests.Disruptions;

/// <summary>TTS, TTR and impact with worked examples (the numbers are small enough to check by hand).</summary>
public class TimeToSurviveTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Worked_example_runs_out_before_recovery()
    {
        // 1,000 on hand + 500 arriving unaffected = 1,500 units; at 100 a day that lasts 15 days.
        double? tts = TimeToSurvive.TtsDays(onHand: 1_000, unaffectedInbound: 500, adu: 100);
        // The node recovers in 30 days: 15 days without supply, 15 × 100 = 1,500 units cannot be made.
        double? ttr = TimeToSurvive.TtrDays(Now.AddDays(30), Now);
        Assert.Equal(15, tts);
        Assert.Equal(30, ttr);
        Assert.Equal(1_500, TimeToSurvive.ImpactUnits(100, tts, ttr));
        Assert.True(TimeToSurvive.AtRisk(tts, ttr));
    }

    [Fact]
    public void Worked_example_survives_the_recovery()
    {
        // 4,000 units at 100 a day = 40 days, longer than a 30-day recovery: no impact.
        double? tts = TimeToSurvive.TtsDays(4_000, 0, 100);
        Assert.Equal(40, tts);
        Assert.Equal(0, TimeToSurvive.ImpactUnits(100, tts, 30));
        Assert.False(TimeToSurvive.AtRisk(tts, 30));
    }

    [Fact]
    public void A_part_without_usage_never_runs_out_and_an_open_ended_disruption_has_no_ttr()
    {
        Assert.Null(TimeToSurvive.TtsDays(100, 0, adu: 0));
        Assert.Equal(0, TimeToSurvive.ImpactUnits(0, null, 30));
        Assert.Null(TimeToSurvive.TtrDays(null, Now));
        Assert.Equal(0, TimeToSurvive.ImpactUnits(100, 5, null));
        Assert.False(TimeToSurvive.AtRisk(5, null));
    }

    [Fact]
    public void Ttr_counts_from_now_and_is_zero_once_the_expected_end_has_passed()
    {
        Assert.Equal(0.5, TimeToSurvive.TtrDays(Now.AddHours(12), Now));
        Assert.Equal(0, TimeToSurvive.TtrDays(Now.AddDays(-2), Now));
        Assert.Equal(0, TimeToSurvive.TtsDays(-50, 0, 10)); // a negative stock (over-consumed) survives no day
    }

    /// <summary>
    /// A factory whose part is fed by two shipments, one of them held up by the disruption: on hand 2,000, ADU 200
    /// (given), unaffected inbound 1,000 → TTS = 3,000 / 200 = 15 days; TTR 20 days → 200 × 5 = 1,000 units at risk.
    /// </summary>
    [Fact]
    public void A_factory_row_counts_only_the_inbound_the_disruption_does_not_touch()
    {
        var state = Factory(onHand: 2_000, adu: 200);
        FactoryBuffers.UpsertInbound(state, "SH-OK", [new InboundLine("P-1", 1_000)], Now.AddDays(5));
        FactoryBuffers.UpsertInbound(state, "SH-SUEZ", [new InboundLine("P-1", 4_000)], Now.AddDays(8));
        var changed = FactoryDisruptions.SetExposure(state, new FactoryExposure("D-1", DisruptionType.ChokepointClosure, "Suez Canal closed", Now.AddDays(20), ["SH-SUEZ"], []));
        Assert.Equal(["P-1"], changed);

        var row = Assert.Single(FactoryDisruptions.Rows(state, "D-1", DateOnly.FromDateTime(Now.UtcDateTime), Now));
        Assert.Equal(1_000, row.UnaffectedInbound);
        Assert.Equal(4_000, row.AffectedInbound);
        Assert.Equal(15, row.TtsDays);
        Assert.Equal(20, row.TtrDays);
        Assert.Equal(1_000, row.ImpactUnits);
        Assert.True(row.AtRisk);
        Assert.Equal(["SH-SUEZ"], row.AffectedShipments);
        Assert.False(row.SupplyCut);

        // The board row carries the same figures, and loses them when the disruption ends.
        var view = FactoryBuffers.View(state, "P-1", DateOnly.FromDateTime(Now.UtcDateTime), Now);
        var risk = Assert.Single(view.Risks);
        Assert.Equal(("D-1", 15.0, 20.0, 1_000.0), (risk.DisruptionId, risk.TtsDays!.Value, risk.TtrDays!.Value, risk.ImpactUnits));
        Assert.Equal(["P-1"], FactoryDisruptions.ClearExposure(state, "D-1"));
        Assert.Empty(FactoryBuffers.View(state, "P-1", DateOnly.FromDateTime(Now.UtcDateTime), Now).Risks);
    }

    [Fact]
    public void A_part_whose_supplier_site_is_down_is_touched_even_without_inbound()
    {
        var state = Factory(onHand: 600, adu: 100);
        var other = Factory(onHand: 600, adu: 100);
        FactoryDisruptions.SetExposure(state, new FactoryExposure("Q-1", DisruptionType.NaturalHazard, "M7.0 earthquake", Now.AddDays(21), [], ["P-1"]));
        var row = Assert.Single(FactoryDisruptions.Rows(state, "Q-1", DateOnly.FromDateTime(Now.UtcDateTime), Now));
        Assert.True(row.SupplyCut);
        Assert.Equal(6, row.TtsDays);
        Assert.Equal(1_500, row.ImpactUnits); // 100 × (21 − 6)
        // A disruption that holds up neither a shipment nor a source of this part does not touch it.
        FactoryDisruptions.SetExposure(other, new FactoryExposure("Q-2", DisruptionType.NaturalHazard, "elsewhere", Now.AddDays(21), ["SH-X"], ["P-9"]));
        Assert.Empty(FactoryDisruptions.Rows(other, "Q-2", DateOnly.FromDateTime(Now.UtcDateTime), Now));
    }

    private static FactoryState Factory(double onHand, double adu)
    {
        var state = new FactoryState { Profile = new FactoryProfile("F-1", "Plant", "MXMTY", 25.67, -100.31, "MX") };
        state.Parts["P-1"] = new PartBuffer { Parameters = new BufferParameters("854231", adu, 20, 0.5, 0.5, 100, 7, onHand) };
        return state;
    }
}
