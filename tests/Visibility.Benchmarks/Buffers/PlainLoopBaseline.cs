using System.Diagnostics;
using Visibility.Domain.Inventory;

namespace Visibility.Benchmarks.Buffers;

/// <param name="BestMs">Fastest of the timed loops over all buffers.</param>
/// <param name="Stockouts">Buffers with a projected stock-out in the last loop (keeps the work observable, so it cannot be optimised away).</param>
public sealed record PlainLoopFigures(double BestMs, int Buffers, int Runs, int Stockouts)
{
    public double MicrosecondsPerBuffer => BestMs * 1000 / Buffers;
}

/// <summary>
/// The arithmetic of the wave without the platform: each buffer's parameters and its new inbound ETA through
/// <see cref="BufferCalculator.Evaluate"/> in a for-loop, in this process. What the host does on top (grain calls,
/// state writes, the push notifier, the hub) is the difference to the propagation time.
/// </summary>
public static class PlainLoopBaseline
{
    public const int Runs = 5;

    /// <param name="inbound">Per buffer, the inbound supply it now has (one shipment with its new ETA).</param>
    public static PlainLoopFigures Measure(IReadOnlyList<InboundSupply[]> inbound, DateOnly today)
    {
        var p = BufferNetwork.Parameters;
        double adu = p.Adu!.Value;
        int stockouts = Loop(inbound, p, adu, today); // warm-up: JIT and tiering, not timed
        double best = double.MaxValue;
        for (int run = 0; run < Runs; run++)
        {
            long started = Stopwatch.GetTimestamp();
            stockouts = Loop(inbound, p, adu, today);
            best = Math.Min(best, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return new PlainLoopFigures(best, inbound.Count, Runs, stockouts);
    }

    private static int Loop(IReadOnlyList<InboundSupply[]> inbound, BufferParameters p, double adu, DateOnly today)
    {
        int stockouts = 0;
        for (int i = 0; i < inbound.Count; i++)
        {
            var status = BufferCalculator.Evaluate(p, adu, inbound[i], qualifiedDemand: 0, today);
            if (status.ProjectedStockout != null) stockouts++;
        }
        return stockouts;
    }
}
