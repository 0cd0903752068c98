using System.IO.Compression;
using System.Text.Json;
using Visibility.Domain.Shipments;

namespace Visibility.Domain.Tests.Shipments;

/// <summary>
/// What the idempotency window costs per shipment: live managed bytes (after a full GC, over 2,000 windows) and the size of
/// its JSON in stored state, plain and Brotli-compressed as the packed storage keeps it in memory
/// (<c>PayloadCompression</c>: quality 1, window 22), beside the 128-hash ring it replaced. Prints the figures; asserts
/// only the stored size's bound. Run alone (other tests allocating in parallel blur the heap figure):
/// <c>dotnet test --project tests/Visibility.Domain.Tests -- --filter-class '*ReadingWindowMemoryFigures*' --output Detailed</c>.
/// </summary>
[Collection(nameof(ReadingWindowMemoryFigures))]
public class ReadingWindowMemoryFigures
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static ReadingWindow Filled(int readings, int seed)
    {
        var w = new ReadingWindow();
        for (int i = 0; i < readings; i++) w.Add(ReadingWindow.Fingerprint(ShipmentTracker.MessageHash($"s{seed}-m{i}")), T0.AddSeconds(5 * i));
        return w;
    }

    private static (int Json, int Compressed) Stored<T>(T value)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(value, Web);
        var output = new byte[BrotliEncoder.GetMaxCompressedLength(json.Length)];
        BrotliEncoder.TryCompress(json, output, out int written, quality: 1, window: 22);
        return (json.Length, Math.Min(json.Length, written + 1));
    }

    private static double LiveBytesEach(Func<int, object> make)
    {
        const int N = 2_000;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var keep = new object[N];
        for (int i = 0; i < N; i++) keep[i] = make(i);
        long after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(keep);
        return (after - before - N * 8.0) / N;   // less the holding array's references
    }

    [Fact]
    public void Print_memory_per_shipment()
    {
        var output = TestContext.Current.TestOutputHelper!;
        var ring = new long[128];
        for (int i = 0; i < ring.Length; i++) ring[i] = ShipmentTracker.MessageHash($"m{i}");
        var legacy = new { recentMessageHashes = Convert.ToBase64String(ring.SelectMany(BitConverter.GetBytes).ToArray()), recentNext = 0 };
        var (ringJson, ringCompressed) = Stored(legacy);
        double ringLive = LiveBytesEach(_ => new long[128]);
        output.WriteLine($"old ring (128 hashes): live {ringLive:N0} B, JSON {ringJson:N0} B, compressed {ringCompressed:N0} B");

        foreach (int readings in new[] { 1, 96, 288, ReadingWindow.Capacity, 10_000 })
        {
            var (json, compressed) = Stored(Filled(readings, 0));
            double live = LiveBytesEach(i => Filled(readings, i));
            output.WriteLine($"window after {readings,6:N0} readings: live {live:N0} B, JSON {json:N0} B, compressed {compressed:N0} B, total {live + compressed:N0} B");
            // The stored size is deterministic and bounded by the capacity; the live-heap figure is printed only (a heap
            // measured while other test assemblies run in the same machine is not a figure to assert on).
            if (readings >= ReadingWindow.Capacity) Assert.InRange(compressed, 4_000, 6_400);
        }
    }
}

/// <summary>The heap figure needs the process to itself: this collection runs after the parallel ones, alone.</summary>
[CollectionDefinition(nameof(ReadingWindowMemoryFigures), DisableParallelization = true)]
public sealed class ReadingWindowMemoryFiguresCollection;
