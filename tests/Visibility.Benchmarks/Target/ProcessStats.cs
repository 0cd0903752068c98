namespace Visibility.Benchmarks.Target;

/// <summary>Another process's memory and CPU time, read from /proc (Linux only; null elsewhere or when it is gone).</summary>
public static class ProcessStats
{
    /// <summary>Clock ticks per second in /proc/*/stat (USER_HZ: 100 on every Linux the runtime supports).</summary>
    private const double TicksPerSecond = 100;

    /// <summary>Resident set size (VmRSS) in bytes.</summary>
    public static long? RssBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (!line.StartsWith("VmRSS:", StringComparison.Ordinal)) continue;
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return long.Parse(parts[1]) * 1024;
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return null;
    }

    /// <summary>User + system CPU time of the whole process.</summary>
    public static TimeSpan? CpuTime(int pid) => ReadStat($"/proc/{pid}/stat") is { } s ? s.Cpu : null;

    /// <summary>CPU time per thread, keyed by thread id, with the thread's name (e.g. ".NET TP Worker", ".NET Server GC").</summary>
    public static Dictionary<int, (string Name, TimeSpan Cpu)> ThreadCpu(int pid)
    {
        var result = new Dictionary<int, (string, TimeSpan)>();
        try
        {
            foreach (var dir in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out int tid)) continue;
                if (ReadStat(Path.Combine(dir, "stat")) is { } s) result[tid] = (s.Name, s.Cpu);
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return result;
    }

    private static (string Name, TimeSpan Cpu)? ReadStat(string path)
    {
        try
        {
            string text = File.ReadAllText(path);
            // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ')'.
            int open = text.IndexOf('('), close = text.LastIndexOf(')');
            var fields = text[(close + 2)..].Split(' ');
            long utime = long.Parse(fields[11]), stime = long.Parse(fields[12]); // fields 14 and 15 of stat(5)
            return (text[(open + 1)..close], TimeSpan.FromSeconds((utime + stime) / TicksPerSecond));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
