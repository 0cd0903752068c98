namespace Visibility.Domain.Shipments;

/// <summary>The exceptions an operator acts on. Each opens and clears by itself from telemetry and time.</summary>
[Flags]
public enum AlertKind
{
    None = 0,
    Late = 1,
    ColdChain = 2,
    OffRoute = 4,
    Stalled = 8,
    Silent = 16,
    /// <summary>Inside an active natural-hazard zone (earthquake, storm).</summary>
    Hazard = 32,
    /// <summary>Inside an active security zone (piracy, war risk).</summary>
    Security = 64,
    /// <summary>
    /// Not an alert: a marker flag set while a disruption has re-routed or delayed the shipment, so the map can pick
    /// them out without asking each one. Never opened or cleared.
    /// </summary>
    Disrupted = 128,
}

public static class AlertKinds
{
    public static readonly AlertKind[] All = [AlertKind.ColdChain, AlertKind.Stalled, AlertKind.OffRoute, AlertKind.Silent, AlertKind.Late, AlertKind.Hazard, AlertKind.Security];

    public static string ToApi(this AlertKind kind) => kind switch
    {
        AlertKind.Late => "late",
        AlertKind.ColdChain => "cold-chain",
        AlertKind.OffRoute => "off-route",
        AlertKind.Stalled => "stalled",
        AlertKind.Silent => "silent",
        AlertKind.Hazard => "hazard",
        AlertKind.Security => "security",
        _ => "none",
    };

    public static bool TryParse(string? value, out AlertKind kind)
    {
        foreach (var k in All)
            if (k.ToApi() == value) { kind = k; return true; }
        kind = AlertKind.None;
        return false;
    }
}

[GenerateSerializer, Immutable]
public sealed record ActiveAlert([property: Id(0)] AlertKind Kind, [property: Id(1)] DateTimeOffset OpenedAt, [property: Id(2)] string Message);

/// <summary>An alert that opened or cleared during one update, pushed to the live exceptions feed.</summary>
[GenerateSerializer, Immutable]
public sealed record AlertChange([property: Id(0)] AlertKind Kind, [property: Id(1)] bool Opened, [property: Id(2)] DateTimeOffset At, [property: Id(3)] string Message);
