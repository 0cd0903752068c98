using System.Globalization;

namespace Visibility.Benchmarks;

/// <summary>The command line. Defaults are the sizes the targets are stated for; --quick shrinks them for a smoke run.</summary>
public sealed record BenchmarkOptions
{
    public int Shipments { get; init; } = 10_000;
    public int Batch { get; init; } = 100;
    public int DurationSeconds { get; init; } = 30;
    /// <summary>Readings/s for the throughput phase; 0 = as fast as the host answers.</summary>
    public double Rate { get; init; }
    public double LatencyRate { get; init; } = 5_000;
    public int Concurrency { get; init; } = 32;
    /// <summary>An already running host; null = start Azurite and the Release host ourselves.</summary>
    public string? Url { get; init; }
    public bool Quick { get; init; }
    /// <summary>Run only the buffer wave (issue 4): 10,000 factory × part buffers, 1,000 shipments changing ETA at once.</summary>
    public bool Buffers { get; init; }
    /// <summary>Run only the factory-wide what-if (issue 7): 5,000 parts, two share moves.</summary>
    public bool WhatIf { get; init; }
    /// <summary>Run only the closure (issue 6): Suez closes with --shipments active shipments through it; re-plan and push vs a plain loop.</summary>
    public bool Disruption { get; init; }

    /// <summary>Start the host on the embedded default (its own Azurite, acknowledgements after index saves).</summary>
    public bool Embedded { get; init; }

    /// <summary>Run only the crash soak (issue 11): ingest while the application or its storage is killed at random.</summary>
    public bool Soak { get; init; }

    public TimeSpan Duration => TimeSpan.FromSeconds(DurationSeconds);

    /// <summary>True when the run has the shape the targets are stated for (so PASS/MISS compares like with like).</summary>
    public bool AtTargetSizes => Shipments >= 10_000 && Batch == 100 && LatencyRate >= 5_000;

    public const string Usage = """
        Visibility benchmark: ceiling, setup, throughput and update-to-client latency against the real host.
        dotnet run -c Release --project tests/Visibility.Benchmarks -- [options]
          --shipments N      active shipments (default 10000)
          --batch N          readings per POST /api/telemetry (default 100)
          --duration S       seconds per measured phase (default 30)
          --rate R           readings/s in the throughput phase, 0 = as fast as possible (default 0)
          --latency-rate R   readings/s while latency is measured (default 5000)
          --concurrency N    requests in flight (default 32)
          --url URL          use a running host instead of starting Azurite + the host (memory figures are skipped)
          --quick            smoke run: 500 shipments, 5 s phases (explicit options still win)
          --buffers          only the buffer wave: 10,000 buffers recalculated and pushed when 1,000 shipments slip
          --whatif           only the factory-wide what-if: 5,000 parts (500 with --quick), CN → VN/MX, API vs plain loop
          --disruption       only the closure: Suez closes with --shipments shipments through it, re-planned and pushed
          --embedded         start the host on the embedded default (durable acknowledgements: an Azurite index save
                             before each answer, shared by concurrent requests) instead of on an Azurite we start
          --soak             only the crash soak: ingest on the embedded default for --duration s (default 120) with
                             random kills of the whole application or its storage; acknowledged vs lost readings
        """;

    public static BenchmarkOptions Parse(string[] args)
    {
        bool quick = args.Contains("--quick");
        var options = quick ? new BenchmarkOptions { Quick = true, Shipments = 500, DurationSeconds = 5 } : new BenchmarkOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            if (name == "--quick") continue;
            if (name == "--buffers") { options = options with { Buffers = true }; continue; }
            if (name == "--whatif") { options = options with { WhatIf = true }; continue; }
            if (name == "--disruption") { options = options with { Disruption = true }; continue; }
            if (name == "--soak") { options = options with { Soak = true }; continue; }
            if (name == "--embedded") { options = options with { Embedded = true }; continue; }
            if (name is "--help" or "-h") throw new UsageException("");
            if (i + 1 >= args.Length) throw new UsageException($"{name} needs a value");
            string value = args[++i];
            options = name switch
            {
                "--shipments" => options with { Shipments = PositiveInt(name, value) },
                "--batch" => options with { Batch = Math.Min(PositiveInt(name, value), 1_000) },
                "--duration" => options with { DurationSeconds = PositiveInt(name, value) },
                "--rate" => options with { Rate = NonNegative(name, value) },
                "--latency-rate" => options with { LatencyRate = NonNegative(name, value) is > 0 and var r ? r : throw new UsageException("--latency-rate must be > 0") },
                "--concurrency" => options with { Concurrency = PositiveInt(name, value) },
                "--url" => options with { Url = value.TrimEnd('/') },
                _ => throw new UsageException($"unknown option {name}"),
            };
        }
        if (options.Soak && !args.Contains("--duration")) options = options with { DurationSeconds = 120 };
        if (options.Soak && !args.Contains("--shipments")) options = options with { Shipments = 200 };
        if (options.Soak && !args.Contains("--batch")) options = options with { Batch = 50 };
        if (options.Soak && !args.Contains("--concurrency")) options = options with { Concurrency = 8 };
        return options;
    }

    private static int PositiveInt(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : throw new UsageException($"{name} must be a positive whole number");

    private static double NonNegative(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d >= 0 && double.IsFinite(d)
            ? d : throw new UsageException($"{name} must be a number ≥ 0");
}

public sealed class UsageException(string message) : Exception(message);
