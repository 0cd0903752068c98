using System.Text.Json;
using Visibility.Domain.Shipments;

namespace Visibility.Benchmarks.Load;

public sealed record Lane(string Origin, string Destination)
{
    public string Name => $"{Origin}→{Destination}";
}

/// <summary>
/// The benchmark's shipments: ids, lane, where on the lane each one starts, and (once the routes are known) where
/// its n-th reading puts it. Shipments are spread over several lanes and along each lane so the map looks like a
/// real fleet and the host's per-shipment work (route projection, alerts) is the real work.
/// </summary>
public sealed class Fleet
{
    public static readonly Lane[] Lanes =
    [
        new("CNSHA", "USLAX"), new("CNNGB", "NLRTM"), new("VNCMT", "USLGB"), new("THLCH", "USLAX"), new("MYPKG", "DEHAM"),
    ];

    private readonly string[] _ids;
    private readonly JsonEncodedText[] _encodedIds;
    private readonly Dictionary<string, int> _index;
    private readonly LaneRoute?[] _routes = new LaneRoute?[Lanes.Length];
    private readonly int[] _startSample;

    public Fleet(int count, string runTag)
    {
        Count = count;
        RunTag = runTag;
        _ids = new string[count];
        _encodedIds = new JsonEncodedText[count];
        _index = new Dictionary<string, int>(count, StringComparer.Ordinal);
        _startSample = new int[count];
        for (int i = 0; i < count; i++)
        {
            _ids[i] = $"BENCH-{runTag}-{i:D6}";
            _encodedIds[i] = JsonEncodedText.Encode(_ids[i]);
            _index[_ids[i]] = i;
        }
    }

    public int Count { get; }

    /// <summary>Distinguishes this run's shipment and message ids from earlier runs against the same host.</summary>
    public string RunTag { get; }

    /// <summary>The first shipment of each lane used; it is booked first so its route can be fetched.</summary>
    public int LanesUsed => Math.Min(Count, Lanes.Length);

    public string IdOf(int i) => _ids[i];
    public JsonEncodedText EncodedIdOf(int i) => _encodedIds[i];
    public Lane LaneOf(int i) => Lanes[i % Lanes.Length];
    public bool TryIndexOf(string id, out int index) => _index.TryGetValue(id, out index);
    public LaneRoute? RouteOf(int i) => _routes[i % Lanes.Length];

    public void SetRoute(int lane, LaneRoute route)
    {
        _routes[lane] = route;
        for (int i = lane; i < Count; i += Lanes.Length) _startSample[i] = (int)(StartFraction(i) * route.Samples);
    }

    /// <summary>
    /// Departure that makes the shipment on time at its start position, so alerts stay quiet and the host does
    /// ordinary work. Lane-first shipments are booked before the route is known: they start near the origin, now.
    /// </summary>
    public DateTimeOffset PlannedDeparture(int i, DateTimeOffset now) => RouteOf(i) is { } route
        ? now - TimeSpan.FromHours(StartFraction(i) * route.DistanceKm / TransportMode.Ocean.TypicalSpeedKmh())
        : now;

    /// <summary>Where shipment <paramref name="i"/> is at its <paramref name="visit"/>-th reading.</summary>
    public RoutePosition PositionAt(int i, long visit) =>
        (RouteOf(i) ?? throw new InvalidOperationException($"no route for lane {LaneOf(i).Name}")).At(_startSample[i] + visit);

    /// <summary>Spread along 5–80 % of the lane (golden-ratio steps); far enough from both ends never to "arrive".</summary>
    private static double StartFraction(int i) => i < Lanes.Length ? 0.02 : 0.05 + 0.75 * (i * 0.6180339887498949 % 1.0);
}

/// <summary>
/// Numbers readings across workers: reading k goes to shipment k mod N as that shipment's (k div N)-th visit, and
/// its message id carries k, so ids are unique and each shipment's positions advance in order.
/// </summary>
public sealed class ReadingSequence
{
    private long _next;

    public long Next => Interlocked.Read(ref _next);

    public long Take(int count) => Interlocked.Add(ref _next, count) - count;
}
