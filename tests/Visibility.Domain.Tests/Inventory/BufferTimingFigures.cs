using System.Diagnostics;
using Visibility.Domain.Inventory;

namespace Visibility.Domain.Tests.Inventory;

/// <summary>
/// Prints the cost of one <see cref="BufferCalculator.Evaluate"/> with a 90-day horizon (not asserted: timings depend on
/// the machine). Run Release with
/// <c>tests/Visibility.Domain.Tests/bin/Release/net10.0/Visibility.Domain.Tests -class Visibility.Domain.Tests.Inventory.BufferTimingFigures -showLiveOutput</c>.
/// </summary>
public class BufferTimingFigures
{
    [Fact]
    public void Print_evaluate_cost()
    {
        var output = TestContext.Current.TestOutputHelper!;
        const int Buffers = 10_000;
        var rng = new Random(11);
        var parameters = new BufferParameters[Buffers];
        var inbound = new InboundSupply[Buffers][];
        for (int i = 0; i < Buffers; i++)
        {
            parameters[i] = BufferExamples.Medium(onHand: rng.Next(0, 5000), openOrders: rng.Next(0, 2000)) with { Adu = rng.Next(1, 300) };
            inbound[i] = Enumerable.Range(0, 3).Select(k => BufferExamples.Arrival($"S{i}-{k}", rng.Next(100, 2000), rng.Next(-2, 80))).ToArray();
        }

        double sink = 0;
        for (int round = 0; round < 5; round++)
        {
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < Buffers; i++)
                sink += BufferCalculator.Evaluate(parameters[i], parameters[i].Adu!.Value, inbound[i], 0, BufferExamples.Today).NetFlow;
            clock.Stop();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

            // The same planning arithmetic (zones, net flow, zone, order) in a plain loop, without projection or status object.
            var plain = Stopwatch.StartNew();
            for (int i = 0; i < Buffers; i++)
            {
                var p = parameters[i];
                var z = BufferZones.Compute(p.Adu!.Value, p);
                double nfp = p.OnHand + p.OpenOrders + inbound[i][0].Quantity + inbound[i][1].Quantity + inbound[i][2].Quantity;
                sink += BufferCalculator.SuggestedOrderQty(nfp, z) + (int)BufferCalculator.ZoneOf(nfp, z);
            }
            plain.Stop();
            output.WriteLine($"round {round}: Evaluate {clock.Elapsed.TotalMicroseconds / Buffers:F2} µs/buffer "
                             + $"({allocated / Buffers} B allocated/buffer, {clock.Elapsed.TotalMilliseconds:F1} ms per 10,000); "
                             + $"plain-loop zones+NFP {plain.Elapsed.TotalMicroseconds / Buffers:F3} µs/buffer");
        }
        output.WriteLine($"(checksum {sink:F0})");
    }
}
