using Visibility.Host.Auth;
using System.Text;
using System.Text.Json;
using Visibility.Domain.Routing;

namespace Visibility.Host.Apis;

public static class MapApi
{
    public static RouteGroupBuilder MapMapApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/map").WithTags("Map").RequireAuthorization(Policies.AnyUser);
        group.MapGet("/lanes", (SeaLanesDocument lanes) => Results.Text(lanes.Json, "application/geo+json", Encoding.UTF8))
            .WithSummary("The sea lanes of the routing network as GeoJSON, simplified for drawing");
        return group;
    }
}

/// <summary>The sea-lane GeoJSON, built once from the network (it never changes while the host runs).</summary>
public sealed class SeaLanesDocument(SeaNetwork network)
{
    private readonly Lazy<string> _json = new(() => JsonSerializer.Serialize(new
    {
        type = "FeatureCollection",
        features = SeaLanes.ForDisplay(network).Select(line => new
        {
            type = "Feature",
            properties = new { },
            geometry = new { type = "LineString", coordinates = line.Select(p => new[] { Math.Round(p.Lon, 3), Math.Round(p.Lat, 3) }) },
        }),
    }));

    public string Json => _json.Value;
}
