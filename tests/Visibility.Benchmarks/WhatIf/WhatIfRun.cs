using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Visibility.Benchmarks.Report;
using Visibility.Benchmarks.Target;
using Visibility.Domain.Inventory;
using Visibility.Domain.Sourcing;
using Visibility.Domain.Tariffs;
using Visibility.Domain.Validation;

namespace Visibility.Benchmarks.WhatIf;

/// <summary>
/// The factory-wide what-if (issue 7): one factory with 5,000 parts sourced from China, Taiwan and Vietnam; move half of
/// China to Vietnam and a fifth to Mexico across all of them through POST /api/scenarios/rebalance, timed end to end,
/// and the same arithmetic in a plain loop in this process for comparison.
/// </summary>
public sealed class WhatIfRun(BenchmarkOptions options)
{
    public const int Parts = 5_000;
    private const int Runs = 5;
    private const int Concurrency = 16;
    private static readonly string[] HsCodes = ["854231", "854232", "853400", "850760", "853669", "853224", "901380", "381010", "350691"];

    public async Task RunAsync(string runTag, CancellationToken ct)
    {
        int parts = options.Quick ? 500 : Parts;
        Out.Block($"Visibility benchmark: factory-wide what-if (run {runTag})");
        await using var target = options.Url is { } url ? await BenchTarget.AttachAsync(url)
            : await BenchTarget.StartAsync(new Dictionary<string, string> { ["Demo:Seed"] = "false" });
        Out.Line("host", $"{target.BaseUrl}{(target.HostPid is { } pid ? $" (pid {pid})" : " (not started by us)")}");
        string factory = $"WI-{runTag}";

        var setup = Stopwatch.StartNew();
        using (var r = await target.Http.PostAsJsonAsync("/api/factories", new { id = factory, name = "What-if plant " + runTag, locode = "MXMTY" }, ct))
            r.EnsureSuccessStatusCode();
        await Parallel.ForEachAsync(Enumerable.Range(0, parts), new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = ct }, async (i, token) =>
        {
            var (part, hs, shares, value) = Part(i);
            using (var r = await target.Http.PutAsJsonAsync($"/api/factories/{factory}/parts/{part}", new
            {
                hsCode = hs, adu = 100 + i % 900, dltDays = 40, leadTimeFactor = 0.5, variabilityFactor = 0.5, moq = 100, orderCycleDays = 7, onHand = 5_000,
            }, token)) r.EnsureSuccessStatusCode();
            using (var r = await target.Http.PutAsJsonAsync($"/api/factories/{factory}/parts/{part}/sourcing", new
            {
                shares = shares.Select(s => new { country = s.Country, sharePct = s.SharePct }), unitValueUsd = value,
            }, token)) r.EnsureSuccessStatusCode();
        });
        Out.Line("setup", $"{parts:N0} parts with buffers and country shares (CN/TW/VN) in {setup.Elapsed.TotalSeconds:0.0} s");

        var request = new
        {
            factoryId = factory,
            moves = new[] { new { fromCountry = "CN", toCountry = "VN", sharePct = 50.0 }, new { fromCountry = "CN", toCountry = "MX", sharePct = 20.0 } },
        };
        var times = new List<double>();
        JsonElement last = default;
        long bytes = 0;
        for (int run = 0; run <= Runs; run++) // run 0 warms up (routes planned and cached, JIT)
        {
            var sw = Stopwatch.StartNew();
            using var response = await target.Http.PostAsJsonAsync("/api/scenarios/rebalance", request, ct);
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            sw.Stop();
            response.EnsureSuccessStatusCode();
            if (run > 0) times.Add(sw.Elapsed.TotalMilliseconds);
            bytes = body.Length;
            last = JsonDocument.Parse(body).RootElement.Clone();
        }
        times.Sort();
        var before = last.GetProperty("before");
        var after = last.GetProperty("after");
        Out.Line("what-if", $"{last.GetProperty("parts").GetArrayLength():N0} parts, 2 moves: median {Out.Ms(times[times.Count / 2])}, best {Out.Ms(times[0])} over {Runs} runs (response {Out.Mb(bytes)})");
        Out.Line("result", $"HHI {before.GetProperty("hhi").GetDouble():N0} → {after.GetProperty("hhi").GetDouble():N0}, duty/yr {before.GetProperty("dutyPerYearUsd").GetDouble():N0} → {after.GetProperty("dutyPerYearUsd").GetDouble():N0} USD, sea lead {before.GetProperty("seaLeadDays").GetDouble():0.0} → {after.GetProperty("seaLeadDays").GetDouble():0.0} d");

        // The same arithmetic in a plain loop: parts built here, distances fixed, no grains, no HTTP, no JSON.
        var tariffs = Section301Seed.Create();
        var local = Enumerable.Range(0, parts).Select(i =>
        {
            var (part, hs, shares, value) = Part(i);
            return new PartSourcing(factory, "MX", part, hs, shares, (100 + i % 900) * 365, value,
                new BufferParameters(hs, 100 + i % 900, 40, 0.5, 0.5, 100, 7, 5_000), 100 + i % 900);
        }).ToArray();
        double? Km(string c) => c switch { "CN" => 12_900, "TW" => 12_600, "VN" => 14_300, "MX" => null, _ => 15_000 };
        var moves = new[] { new ShareMove("CN", "VN", 50), new ShareMove("CN", "MX", 20) };
        var loop = Stopwatch.StartNew();
        double sink = 0;
        foreach (var p in local)
        {
            var errors = new ValidationErrors();
            var capped = moves.Select(m => m with { SharePct = Math.Min(m.SharePct, p.Shares.FirstOrDefault(s => s.Country == m.FromCountry)?.SharePct ?? 0) }).Where(m => m.SharePct > 0).ToArray();
            var shares = Rebalance.Apply(p.Shares, capped, errors) ?? p.Shares;
            double baseline = Rebalance.SeaLeadDays("MX", p.Shares, Km);
            sink += Rebalance.Picture(p, p.Shares, Km, tariffs, null, new DateOnly(2026, 11, 30), baseline).Hhi;
            sink += Rebalance.Picture(p, shares, Km, tariffs, null, new DateOnly(2026, 11, 30), baseline).Hhi;
        }
        loop.Stop();
        Out.Line("plain loop", $"{parts:N0} parts before and after in {Out.Ms(loop.Elapsed.TotalMilliseconds)} (checksum {sink:N0}); API median / plain loop = {times[times.Count / 2] / loop.Elapsed.TotalMilliseconds:0.0}×");
    }

    /// <summary>Part i: an HS code, country shares that vary from part to part (China always the largest), a unit value.</summary>
    private static (string Part, string Hs, CountryShare[] Shares, double Value) Part(int i)
    {
        double cn = 50 + i % 41;            // 50–90 %
        double tw = Math.Round((100 - cn) * 0.6);
        return ($"P-{i:D5}", HsCodes[i % HsCodes.Length], [new("CN", cn), new("TW", tw), new("VN", 100 - cn - tw)], 0.5 + i % 20);
    }
}
