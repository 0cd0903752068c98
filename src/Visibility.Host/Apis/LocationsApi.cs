using Visibility.Host.Auth;
using Visibility.Domain.Locations;

namespace Visibility.Host.Apis;

public static class LocationsApi
{
    public static RouteGroupBuilder MapLocationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/locations").WithTags("Locations").RequireAuthorization(Policies.AnyUser);
        group.MapGet("/{locode}", Get).WithSummary("A location by UN/LOCODE");
        group.MapGet("/", Search).WithSummary("Search locations by code or name; ports and the curated seed first");
        return group;
    }

    private static Results<Ok<LocationDto>, ProblemHttpResult> Get(string locode, LocationCatalog catalog) =>
        catalog.Find(locode) is { } location
            ? TypedResults.Ok(LocationDto.From(location))
            : Problems.NotFound($"no location with UN/LOCODE '{locode}'");

    private static Results<Ok<LocationDto[]>, ValidationProblem> Search(LocationCatalog catalog, string? q, string? kind, int? limit)
    {
        if (kind is not (null or LocationKinds.Port or LocationKinds.Airport or LocationKinds.Inland))
            return Problems.Invalid("kind", "must be port, airport or inland");
        if (limit is < 1 or > 1000) return Problems.Invalid("limit", "must be between 1 and 1000");
        if (q is { Length: > 100 }) return Problems.Invalid("q", "must be at most 100 characters");
        int take = limit ?? 20;
        // Without a query: the curated seed (the ports that matter for this trade) first, then the rest of the catalog.
        var found = string.IsNullOrWhiteSpace(q)
            ? PortSeed.Entries.Concat(catalog.All).Select(l => catalog.Find(l.Locode)!).Distinct()
                .Where(l => kind == null || l.Kinds.Contains(kind)).Take(take).ToList()
            : catalog.Search(q, take, kind);
        return TypedResults.Ok(found.Select(LocationDto.From).ToArray());
    }
}

public sealed record LocationDto(string Locode, string Name, string Country, double Lat, double Lon, IReadOnlyList<string> Kinds)
{
    public static LocationDto From(Location l) => new(l.Locode, l.Name, l.Country, l.Lat, l.Lon, l.Kinds);
}
