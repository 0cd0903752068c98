using System.Diagnostics;

namespace Visibility.Benchmarks.Target;

/// <summary>Where the two cores went during a phase: this process (the generator), the host and Azurite.</summary>
public sealed class CpuMeter(int? hostPid, int? azuritePid)
{
    public sealed record Snapshot(long At, TimeSpan Self, TimeSpan? Host, TimeSpan? Azurite, Dictionary<int, (string Name, TimeSpan Cpu)> HostThreads);

    public Snapshot Take()
    {
        using var self = Process.GetCurrentProcess();
        return new Snapshot(Stopwatch.GetTimestamp(), self.TotalProcessorTime,
            hostPid is { } h ? ProcessStats.CpuTime(h) : null,
            azuritePid is { } a ? ProcessStats.CpuTime(a) : null,
            hostPid is { } p ? ProcessStats.ThreadCpu(p) : []);
    }

    public CpuUsage Since(Snapshot start)
    {
        var end = Take();
        var threads = end.HostThreads
            .Select(kv => (kv.Value.Name, Cpu: kv.Value.Cpu - (start.HostThreads.TryGetValue(kv.Key, out var s) && s.Name == kv.Value.Name ? s.Cpu : TimeSpan.Zero)))
            .GroupBy(t => t.Name)
            .Select(g => (Name: g.Key, Threads: g.Count(), Cpu: TimeSpan.FromTicks(g.Sum(t => t.Cpu.Ticks))))
            .Where(g => g.Cpu > TimeSpan.Zero)
            .OrderByDescending(g => g.Cpu)
            .ToArray();
        return new CpuUsage(Stopwatch.GetElapsedTime(start.At, end.At), end.Self - start.Self,
            end.Host - start.Host, end.Azurite - start.Azurite, threads);
    }
}

public sealed record CpuUsage(TimeSpan Wall, TimeSpan Self, TimeSpan? Host, TimeSpan? Azurite,
    (string Name, int Threads, TimeSpan Cpu)[] HostThreadGroups)
{
    public IEnumerable<string> Describe(string selfLabel = "benchmark process (generator)")
    {
        yield return $"CPU over {Wall.TotalSeconds:0.0} s wall: {Part(selfLabel, Self)}";
        if (Host is { } h) yield return $"                        {Part("host", h)}";
        if (Azurite is { } a) yield return $"                        {Part("Azurite", a)}";
        if (HostThreadGroups.Length > 0)
            yield return "  host threads by name:  " + string.Join(", ",
                HostThreadGroups.Take(6).Select(g => $"{g.Name} ×{g.Threads} {g.Cpu.TotalSeconds:0.0} s"));
    }

    private string Part(string label, TimeSpan cpu) => $"{label} {cpu.TotalSeconds:0.0} s CPU = {cpu.TotalSeconds / Wall.TotalSeconds:0.00} cores";
}
