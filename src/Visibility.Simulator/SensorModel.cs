namespace Visibility.Simulator;

/// <summary>The environment a tracker reports beside its position.</summary>
public readonly record struct SensorSample(double? TemperatureC, double HumidityPct, double ShockG, bool DoorOpen, double BatteryPct);

/// <summary>
/// Synthetic sensor values (no open cold-chain logs exist; see shared/data/README.md): a reefer holds its
/// setpoint with small noise and a slow compressor cycle, plus any planned excursion; humidity drifts,
/// battery drains with voyage time, shocks are small with rare handling spikes near the ends of the trip.
/// Deterministic in (voyage key, reading key).
/// </summary>
public static class SensorModel
{
    public static SensorSample Sample(ulong voyageKey, ulong readingKey, TransportMode mode, ReeferRange? reefer,
        MotionProfile profile, TimeSpan elapsed, double progress)
    {
        double hours = Math.Max(0, elapsed.TotalHours);
        double N(ulong salt) => DeterministicRandom.Normal(DeterministicRandom.Key(voyageKey, readingKey, salt));
        double U(ulong salt) => DeterministicRandom.Unit(DeterministicRandom.Key(voyageKey, readingKey, salt));
        double VoyageU(ulong salt) => DeterministicRandom.Unit(DeterministicRandom.Key(voyageKey, 200, salt));

        double? temperature = null;
        if (reefer is not null)
        {
            double cycle = 0.6 * Math.Sin(2 * Math.PI * hours / 3 + VoyageU(1) * 6.28); // compressor on/off cycle
            temperature = Math.Round(reefer.SetpointC + cycle + 0.25 * N(1) + VesselMotion.ExcursionC(profile, elapsed), 2);
        }

        double baseHumidity = reefer switch
        {
            { MinC: >= 0 } => 88,   // chilled boxes run humid
            not null => 65,         // frozen air is dry
            null => 55 + 25 * VoyageU(2),
        };
        double humidity = Math.Clamp(baseHumidity + 4 * Math.Sin(2 * Math.PI * hours / 24) + 1.5 * N(2), 5, 100);

        double baseShock = mode switch { TransportMode.Truck => 0.25, TransportMode.Air => 0.12, _ => 0.05 };
        double shock = Math.Abs(baseShock + baseShock * 0.5 * N(3));
        bool handling = progress < 0.02 || progress > 0.98;
        if (U(4) < (handling ? 0.03 : 0.002)) shock = 1 + 2.5 * U(5); // a drop or a hard coupling
        double drainPerDay = mode == TransportMode.Ocean ? 1.2 + 0.8 * VoyageU(3) : 3 + VoyageU(3);
        double battery = Math.Clamp(92 + 8 * VoyageU(4) - drainPerDay * hours / 24, 3, 100);

        return new SensorSample(temperature, Math.Round(humidity, 1), Math.Round(shock, 2), false, Math.Round(battery, 1));
    }
}
