namespace Visibility.Domain.Shipments;

/// <summary>Shipment milestones in the order a shipment normally passes them.</summary>
public enum MilestoneCode
{
    Booked = 0, GateIn = 1, Loaded = 2, Departed = 3, Transshipment = 4, Arrived = 5,
    Discharged = 6, CustomsHold = 7, CustomsCleared = 8, Delivered = 9,
}

[GenerateSerializer, Immutable]
public sealed record Milestone([property: Id(0)] MilestoneCode Code, [property: Id(1)] DateTimeOffset At, [property: Id(2)] string? Locode, [property: Id(3)] string? Note);

[GenerateSerializer, Immutable]
public sealed record MilestoneView([property: Id(0)] string Code, [property: Id(1)] DateTimeOffset At, [property: Id(2)] string? Locode, [property: Id(3)] string? Note);

public enum MilestoneCheck { Accept, Duplicate, Conflict }

/// <summary>Which milestone may follow which: forward only, a delivered shipment is closed, repeats only where real life repeats.</summary>
public static class MilestoneRules
{
    private static readonly (MilestoneCode Code, string Name)[] Names =
    [
        (MilestoneCode.Booked, "booked"), (MilestoneCode.GateIn, "gate-in"), (MilestoneCode.Loaded, "loaded"),
        (MilestoneCode.Departed, "departed"), (MilestoneCode.Transshipment, "transshipment"), (MilestoneCode.Arrived, "arrived"),
        (MilestoneCode.Discharged, "discharged"), (MilestoneCode.CustomsHold, "customs-hold"),
        (MilestoneCode.CustomsCleared, "customs-cleared"), (MilestoneCode.Delivered, "delivered"),
    ];

    public static string ToApi(this MilestoneCode code) => Names.First(n => n.Code == code).Name;

    public static bool TryParse(string? value, out MilestoneCode code)
    {
        foreach (var (c, name) in Names)
            if (name == value) { code = c; return true; }
        code = default;
        return false;
    }

    public static string AllNames => string.Join(", ", Names.Select(n => n.Name));

    /// <summary>A ship can call at several transshipment ports, and customs can hold a box more than once.</summary>
    private static bool Repeatable(MilestoneCode code) => code is MilestoneCode.Transshipment or MilestoneCode.CustomsHold;

    public static (MilestoneCheck Check, string? Reason) Check(IReadOnlyList<Milestone> recorded, Milestone next)
    {
        if (recorded.Any(m => m.Code == next.Code && m.At == next.At && m.Locode == next.Locode)) return (MilestoneCheck.Duplicate, null);
        if (recorded.Any(m => m.Code == MilestoneCode.Delivered))
            return (MilestoneCheck.Conflict, "the shipment was already delivered; no milestone can follow");
        if (recorded.Count == 0) return (MilestoneCheck.Accept, null);
        var latest = recorded.MaxBy(m => (int)m.Code)!;
        if (next.Code < latest.Code && !(next.Code == MilestoneCode.CustomsHold && latest.Code == MilestoneCode.CustomsCleared))
            return (MilestoneCheck.Conflict, $"'{next.Code.ToApi()}' cannot follow '{latest.Code.ToApi()}'");
        if (next.Code == latest.Code && !Repeatable(next.Code))
            return (MilestoneCheck.Conflict, $"'{next.Code.ToApi()}' was already recorded at {latest.At:O}");
        var newest = recorded.Max(m => m.At);
        if (next.At < newest)
            return (MilestoneCheck.Conflict, $"'{next.Code.ToApi()}' at {next.At:O} is before the last milestone at {newest:O}");
        return (MilestoneCheck.Accept, null);
    }
}
