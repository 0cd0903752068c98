using Visibility.Host.Auth;
using Visibility.Domain.Locations;
using Visibility.Domain.Routing;
using Visibility.Domain.Shipments;

namespace Visibility.Host.Apis;

public static class RoutesApi
{
    public static RouteGroupBuilder MapRoutesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/routes").WithTags("Routes").RequireAuthorization(Policies.AnyUser);
        group.MapGet("/sea", Sea).WithSummary("Shortest sea route between two ports over the maritime network");
        group.MapGet("/chokepoints", () => TypedResults.Ok(Chokepoints.All.Select(ChokepointDto.From).ToArray()))
            .WithSummary("Named chokepoints that routes can avoid");
        return group;
    }

    private static Results<Ok<RouteView>, ValidationProblem, ProblemHttpResult> Sea(
        LocationCatalog catalog, RoutePlanner planner, string? from, string? to, string? avoid)
    {
        if (string.IsNullOrWhiteSpace(from)) return Problems.Invalid("from", "is required (a UN/LOCODE)");
        if (string.IsNullOrWhiteSpace(to)) return Problems.Invalid("to", "is required (a UN/LOCODE)");
        var avoidList = ParseAvoid(avoid, out var avoidProblem);
        if (avoidProblem != null) return avoidProblem;
        var origin = catalog.Find(from);
        if (origin == null) return Problems.NotFound($"no location with UN/LOCODE '{from}'");
        var destination = catalog.Find(to);
        if (destination == null) return Problems.NotFound($"no location with UN/LOCODE '{to}'");
        var route = planner.Plan(TransportMode.Ocean.ToApi(), origin.Point, destination.Point, avoidList);
        return route == null
            ? Problems.Unprocessable($"no sea route from {origin.Locode} to {destination.Locode}" + (avoidList.Length > 0 ? $" avoiding {string.Join(", ", avoidList)}" : ""))
            : TypedResults.Ok(RouteView.From(route));
    }

    public static string[] ParseAvoid(string? avoid, out ValidationProblem? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(avoid)) return [];
        var names = avoid.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.ToLowerInvariant()).Distinct().ToArray();
        var unknown = names.Where(n => !Chokepoints.IsKnown(n)).ToArray();
        if (unknown.Length > 0)
            problem = Problems.Invalid("avoid", $"unknown chokepoint(s): {string.Join(", ", unknown)}; known: {string.Join(", ", Chokepoints.All.Select(c => c.Name))}");
        return names;
    }
}

public sealed record ChokepointDto(string Name, string DisplayName, double Lat, double Lon, bool Arctic)
{
    public static ChokepointDto From(Chokepoint c) => new(c.Name, c.DisplayName, c.Point.Lat, c.Point.Lon, c.IsArctic);
}
