using System.Globalization;
using System.Security.Claims;
using Visibility.Domain.Locations;
using Visibility.Domain.Shipments;
using Visibility.Domain.Validation;
using Visibility.Grains.Shipments;
using Visibility.Grains.Suppliers;
using Visibility.Host.Audit;
using Visibility.Host.Auth;
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
        // A supplier user reads and posts milestones for its own shipments only; another's answers as a missing one (404).
        group.MapGet("/", List).WithSummary("Shipments filtered by status, alert and bounding box, paged (a supplier user: only its own)")
            .RequireAuthorization(Policies.ShipmentsRead);
        group.MapGet("/{id}", Get).WithSummary("A shipment with position, progress, ETA, delay and alerts").RequireAuthorization(Policies.ShipmentsRead);
        group.MapGet("/{id}/track", Track).WithSummary("Stored positions, oldest first (thinned for long voyages)").RequireAuthorization(Policies.ShipmentsRead);
        group.MapGet("/{id}/route", Route).WithSummary("The planned route as [lon, lat] pairs").RequireAuthorization(Policies.ShipmentsRead);
        group.MapPost("/{id}/milestones", PostMilestone).WithSummary("Record a milestone (booked … delivered); order and plausibility are checked")
            .Accepts<MilestoneRequest>("application/json").RequireAuthorization(Policies.MilestonesWrite);
        return group;
    }

    /// <summary>
    /// Whether the caller may see shipment <paramref name="id"/>: everyone but a supplier user may; a supplier user only
    /// when the shipment names its supplier. The answer for "not yours" and "does not exist" is the same.
    /// </summary>
    private static async Task<bool> MaySeeAsync(ClaimsPrincipal user, string id, IGrainFactory grains)
    {
        var caller = Caller.From(user);
        return !caller.IsSupplier || caller.MaySee(await grains.GetGrain<IShipmentGrain>(id).GetSupplierId());
    }

    private static async Task<IResult> Create(HttpRequest request, LocationCatalog locations, IGrainFactory grains, ShipmentDirectory directory)
    {
        var (body, problem) = await JsonBody.ReadAsync<CreateShipmentRequest>(request);
        if (problem != null) return problem;
        var errors = new ValidationErrors();
        bool supplierKnown = body!.NamesSupplier && await grains.GetGrain<ISupplierGrain>(body.SupplierId!).GetView() != null;
        var definition = body.Validate(locations, errors, supplierKnown);
        if (definition == null) return Problems.Invalid(errors);
        request.HttpContext.Audit(definition.Id, $"book {definition.Mode.ToString().ToLowerInvariant()} shipment {definition.Origin}→{definition.Destination}");

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

    private static async Task<Results<Ok<ShipmentView>, ProblemHttpResult>> Get(string id, IGrainFactory grains, ClaimsPrincipal user) =>
        await grains.GetGrain<IShipmentGrain>(id).GetView() is { } view && Caller.From(user).MaySee(view.SupplierId) ? TypedResults.Ok(view) : NotFound(id);

    private static async Task<Results<Ok<TrackView>, ProblemHttpResult>> Track(string id, IGrainFactory grains, ClaimsPrincipal user) =>
        await MaySeeAsync(user, id, grains) && await grains.GetGrain<IShipmentGrain>(id).GetTrack() is { } track ? TypedResults.Ok(track) : NotFound(id);

    private static async Task<Results<Ok<RouteView>, ProblemHttpResult>> Route(string id, IGrainFactory grains, ClaimsPrincipal user) =>
        await MaySeeAsync(user, id, grains) && await grains.GetGrain<IShipmentGrain>(id).GetRoute() is { } route ? TypedResults.Ok(route) : NotFound(id);

    private static async Task<IResult> PostMilestone(string id, HttpRequest request, IGrainFactory grains, LocationCatalog locations, TimeProvider clock,
        ClaimsPrincipal user)
    {
        var (body, problem) = await JsonBody.ReadAsync<MilestoneRequest>(request);
        if (problem != null) return problem;
        var errors = new ValidationErrors();
        var milestone = body!.Validate(locations, clock.GetUtcNow(), errors);
        if (milestone == null) return Problems.Invalid(errors);
        // Checked after the body: a bad body gets 400 whether the shipment is someone else's, missing or one's own.
        if (!await MaySeeAsync(user, id, grains)) return NotFound(id);
        request.HttpContext.Audit(id, $"milestone {body.Code}");
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
        LiveMapState map, IGrainFactory grains, ClaimsPrincipal user, string? status, string? alert, string? bbox, int? offset, int? limit)
    {
        var caller = Caller.From(user);
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

        // A supplier's filter is part of the query, so total, offset and limit count only its own shipments.
        var matches = map.Query(m =>
            (!caller.IsSupplier || (m.SupplierId != null && m.SupplierId == caller.SupplierId)) &&
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
