using Visibility.Host.Auth;
using System.Globalization;
using Visibility.Domain.Locations;
using Visibility.Domain.Shipments;
using Visibility.Domain.Validation;
using Visibility.Grains.Shipments;
using Visibility.Host.Ingest;
using Visibility.Host.Live;

namespace Visibility.Host.Apis;

public static class ShipmentsApi
{
    public static RouteGroupBuilder MapShipmentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/shipments").WithTags("Shipments");
        group.MapPost("/", Create).WithSummary("Book a shipment; its route is planned at once")
            .Accepts<CreateShipmentRequest>("application/json").RequireAuthorization(Policies.ShipmentsWrite);
        // A supplier user sees no shipment until shipments carry their shipper (a later step): the filter below says so.
        group.MapGet("/", List).WithSummary("Shipments filtered by status, alert and bounding box, paged").RequireAuthorization(Policies.ShipmentsRead)
            .AddEndpointFilter(HideFromSuppliers);
        group.MapGet("/{id}", Get).WithSummary("A shipment with position, progress, ETA, delay and alerts").RequireAuthorization(Policies.ShipmentsRead)
            .AddEndpointFilter(HideFromSuppliers);
        group.MapGet("/{id}/track", Track).WithSummary("Stored positions, oldest first (thinned for long voyages)").RequireAuthorization(Policies.ShipmentsRead)
            .AddEndpointFilter(HideFromSuppliers);
        group.MapGet("/{id}/route", Route).WithSummary("The planned route as [lon, lat] pairs").RequireAuthorization(Policies.ShipmentsRead)
            .AddEndpointFilter(HideFromSuppliers);
        group.MapPost("/{id}/milestones", PostMilestone).WithSummary("Record a milestone (booked … delivered); order and plausibility are checked")
            .Accepts<MilestoneRequest>("application/json").RequireAuthorization(Policies.MilestonesWrite).AddEndpointFilter(HideFromSuppliers);
        return group;
    }

    /// <summary>
    /// Shipments do not name their shipper yet, so none belongs to a supplier user: it gets the same answer as for a
    /// shipment that does not exist (404), and an empty list.
    /// </summary>
    private static async ValueTask<object?> HideFromSuppliers(EndpointFilterInvocationContext ctx, EndpointFilterDelegate next)
    {
        var caller = Caller.From(ctx.HttpContext.User);
        if (!caller.IsSupplier) return await next(ctx);
        if (ctx.HttpContext.Request.RouteValues.TryGetValue("id", out var id))
            return Problems.NotFound($"no shipment '{id}'");
        return TypedResults.Ok(new ShipmentPage(0, 0, 0, []));
    }

    private static async Task<IResult> Create(HttpRequest request, LocationCatalog locations, IGrainFactory grains, ShipmentDirectory directory)
    {
        var (body, problem) = await JsonBody.ReadAsync<CreateShipmentRequest>(request);
        if (problem != null) return problem;
        var errors = new ValidationErrors();
        var definition = body!.Validate(locations, errors);
        if (definition == null) return Problems.Invalid(errors);

        var result = await grains.GetGrain<IShipmentGrain>(definition.Id).Create(definition);
        switch (result.Outcome)
        {
            case CreateOutcome.Created:
                directory.Add(definition.Id);
                return TypedResults.Created($"/api/shipments/{Uri.EscapeDataString(definition.Id)}", result.View);
            case CreateOutcome.AlreadyExists:
                directory.Add(definition.Id);
                return TypedResults.Ok(result.View);
            case CreateOutcome.Conflict:
                return Problems.Conflict(result.Reason!);
            default:
                return Problems.Unprocessable(result.Reason!);
        }
    }

    private static async Task<Results<Ok<ShipmentView>, ProblemHttpResult>> Get(string id, IGrainFactory grains) =>
        await grains.GetGrain<IShipmentGrain>(id).GetView() is { } view ? TypedResults.Ok(view) : NotFound(id);

    private static async Task<Results<Ok<TrackView>, ProblemHttpResult>> Track(string id, IGrainFactory grains) =>
        await grains.GetGrain<IShipmentGrain>(id).GetTrack() is { } track ? TypedResults.Ok(track) : NotFound(id);

    private static async Task<Results<Ok<RouteView>, ProblemHttpResult>> Route(string id, IGrainFactory grains) =>
        await grains.GetGrain<IShipmentGrain>(id).GetRoute() is { } route ? TypedResults.Ok(route) : NotFound(id);

    private static async Task<IResult> PostMilestone(string id, HttpRequest request, IGrainFactory grains, LocationCatalog locations, TimeProvider clock)
    {
        var (body, problem) = await JsonBody.ReadAsync<MilestoneRequest>(request);
        if (problem != null) return problem;
        var errors = new ValidationErrors();
        var milestone = body!.Validate(locations, clock.GetUtcNow(), errors);
        if (milestone == null) return Problems.Invalid(errors);
        var result = await grains.GetGrain<IShipmentGrain>(id).PostMilestone(milestone);
        return result.Outcome switch
        {
            MilestoneOutcome.Recorded or MilestoneOutcome.Duplicate => TypedResults.Ok(result.View),
            MilestoneOutcome.Conflict => Problems.Conflict(result.Reason!),
            _ => NotFound(id),
        };
    }

    private static ProblemHttpResult NotFound(string id) => Problems.NotFound($"no shipment '{id}'");

    private static async Task<Results<Ok<ShipmentPage>, ValidationProblem>> List(
        LiveMapState map, IGrainFactory grains, string? status, string? alert, string? bbox, int? offset, int? limit)
    {
        var errors = new ValidationErrors();
        ShipmentStatus? wantStatus = null;
        if (status != null) { if (ShipmentStatuses.TryParse(status, out var s)) wantStatus = s; else errors.Add("status", "must be planned, in-transit or arrived"); }
        AlertKind wantAlert = AlertKind.None;
        bool anyAlert = alert == "any";
        if (alert != null && !anyAlert && !AlertKinds.TryParse(alert, out wantAlert)) errors.Add("alert", "must be any, late, cold-chain, off-route, stalled, silent, hazard or security");
        double[]? box = null;
        if (bbox != null && !TryParseBox(bbox, out box)) errors.Add("bbox", "must be minLon,minLat,maxLon,maxLat in degrees");
        if (offset is < 0) errors.Add("offset", "must not be negative");
        if (limit is < 1 or > 500) errors.Add("limit", "must be between 1 and 500");
        if (!errors.IsEmpty) return Problems.Invalid(errors);

        var matches = map.Query(m =>
            (wantStatus == null || m.Status == wantStatus) &&
            (alert == null || (anyAlert ? m.Flags != AlertKind.None : (m.Flags & wantAlert) != 0)) &&
            (box == null || InBox(box, m.Lon, m.Lat)));
        int skip = offset ?? 0, take = limit ?? 100;
        var page = matches.Skip(skip).Take(take).ToArray();
        var views = await Task.WhenAll(page.Select(m => grains.GetGrain<IShipmentGrain>(m.Id).GetView()));
        return TypedResults.Ok(new ShipmentPage(matches.Count, skip, take, views.Where(v => v != null).ToArray()!));
    }

    private static bool TryParseBox(string value, out double[] box)
    {
        box = value.Split(',').Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN).ToArray();
        return box.Length == 4 && box.All(double.IsFinite) && box[1] is >= -90 and <= 90 && box[3] is >= -90 and <= 90 && box[1] <= box[3]
               && box[0] is >= -180 and <= 180 && box[2] is >= -180 and <= 180;
    }

    /// <summary>A box whose minLon exceeds maxLon spans the antimeridian.</summary>
    private static bool InBox(double[] b, double lon, double lat) =>
        lat >= b[1] && lat <= b[3] && (b[0] <= b[2] ? lon >= b[0] && lon <= b[2] : lon >= b[0] || lon <= b[2]);
}
