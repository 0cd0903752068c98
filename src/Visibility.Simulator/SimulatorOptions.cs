namespace Visibility.Simulator;

/// <summary>
/// Settings of the traffic simulator, bound from the "Simulator" configuration section
/// (standalone: also from --url, --shipments, --ais, ... see Program.cs).
/// </summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    /// <summary>Runs the simulator as a hosted service inside the host. The standalone program forces it on.</summary>
    public bool Enabled { get; set; }

    /// <summary>The API to drive. Inside the host, empty means "the host's own listening address".</summary>
    public string? BaseUrl { get; set; }

    /// <summary>How many concurrent voyages to keep alive (AIS replay: at most this many vessels).</summary>
    public int Shipments { get; set; } = 300;

    /// <summary>Seconds between two readings of one shipment (real time, whatever the TimeScale).</summary>
    public double ReportIntervalSeconds { get; set; } = 5;

    /// <summary>
    /// 1 = real time (a Pacific crossing takes two weeks). Above 1, voyages advance that many times faster
    /// than the wall clock, for demos; logs say so because positions then no longer match real speeds.
    /// </summary>
    public double TimeScale { get; set; } = 1;

    /// <summary>Readings per POST /api/telemetry (the contract allows up to 1,000).</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Seed of every random choice: the same seed yields the same lanes, cargo and incidents.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Share of voyages carrying temperature-controlled cargo.</summary>
    public double ReeferShare { get; set; } = 0.15;

    /// <summary>When set, replays this MarineCadastre AIS CSV instead of the synthetic story.</summary>
    public string? AisReplayPath { get; set; }

    /// <summary>Prefix of synthetic shipment ids ("SIM-000123"); lets operators tell simulated traffic apart.</summary>
    public string IdPrefix { get; set; } = "SIM-";

    /// <summary>Standalone: the operator (or admin) the simulator signs in as. Inside the host it needs none.</summary>
    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>Id of the simulator's tracker (standalone: a timestamp suffix is added, since a key is shown only once).</summary>
    public string DeviceId { get; set; } = "simulator";

    /// <summary>At most this many HTTP requests to the API in flight at once.</summary>
    public int MaxConcurrentRequests { get; set; } = 4;

    /// <summary>Checks the values and returns what is wrong, empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Shipments < 1) errors.Add("Shipments must be at least 1");
        if (!(ReportIntervalSeconds >= 0.1)) errors.Add("ReportIntervalSeconds must be at least 0.1");
        if (!(TimeScale > 0) || double.IsInfinity(TimeScale)) errors.Add("TimeScale must be a positive number");
        if (BatchSize is < 1 or > 1000) errors.Add("BatchSize must be between 1 and 1000 (contract limit)");
        if (ReeferShare is < 0 or > 1 || double.IsNaN(ReeferShare)) errors.Add("ReeferShare must be between 0 and 1");
        if (MaxConcurrentRequests < 1) errors.Add("MaxConcurrentRequests must be at least 1");
        if (BaseUrl is { Length: > 0 } && !Uri.TryCreate(BaseUrl, UriKind.Absolute, out _))
            errors.Add($"BaseUrl '{BaseUrl}' is not an absolute URL");
        return errors;
    }
}
