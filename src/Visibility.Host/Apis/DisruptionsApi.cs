using Visibility.Host.Hosting;
using System.Security.Claims;
using Visibility.Domain.Disruptions;
using Visibility.Domain.Locations;
using Visibility.Domain.Validation;
using Visibility.Grains.Disruptions;
using Visibility.Grains.Registry;
using Visibility.Grains.Shipments;
using Visibility.Grains.Suppliers;
using Visibility.Host.Auth;
using Visibility.Host.Disruptions;

namespace Visibility.Host.Apis;

public static class DisruptionsApi
{
    /// <summary>A USGS feed posted whole: Kestrel's own ceiling (Limits:MaxRequestBodyBytes) bounds it; 1 MiB holds a "4.5+ past month" feed.</summary>
    public const int MaxFeedBytes = 1024 * 1024;
    /// <summary>A declaration with a GeoJSON polygon.</summary>
    public const int MaxDeclarationBytes = 512 * 1024;

    public static RouteGroupBuilder MapDisruptionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/disruptions").WithTags("Disruptions");
        group.MapPost("/", Create).WithSummary("Declare a disruption; its impact propagates at once (watch the disruptions feed)")
            .Accepts<CreateDisruptionRequest>("application/json").RequireAuthorization(Policies.DisruptionsWrite).WithBodyLimit(MaxDeclarationBytes);
        group.MapGet("/", List).WithSummary("Disruptions, active first, filtered by active=true|false and type")
            .RequireAuthorization(Policies.DisruptionsRead);
        group.MapGet("/{id}", Get).WithSummary("A disruption with its impact summary").RequireAuthorization(Policies.DisruptionsRead);
        group.MapPost("/{id}/resolve", Resolve).WithSummary("End a disruption: routes, ETAs, alerts and factory rows are restored")
            .RequireAuthorization(Policies.DisruptionsWrite);
        group.MapGet("/{id}/impact", Impact).WithSummary("Shipments (with added days), supplier sites and factory × part rows (TTS, TTR, units at risk), ranked")
            .RequireAuthorization(Policies.DisruptionsRead);
        group.MapPost("/import/usgs", ImportUsgs).WithSummary("Import a USGS earthquake GeoJSON feed (quakes ≥ Disruptions:MinMagnitude become hazards; duplicates are skipped)")
            .Accepts<object>("application/json").RequireAuthorization(Policies.DisruptionsWrite).WithBodyLimit(MaxFeedBytes);
        return group;
    }

    private static async Task<IResult> Create(HttpRequest request, LocationCatalog locations, IGrainFactory grains, TimeProvider clock, ClaimsPrincipal user)
    {
        var (body, problem) = await JsonBody.ReadAsync<CreateDisruptionRequest>(request, maxBytes: MaxDeclarationBytes);
        if (problem != null) return problem;
        var errors = new ValidationErrors();
        var definition = body!.Validate(locations, clock.GetUtcNow(), errors);
        if (definition == null) return Problems.Invalid(errors);
        if (definition.Type == DisruptionType.SupplierSiteOutage)
        {
            var supplier = await grains.GetGrain<ISupplierGrain>(definition.SupplierId!).GetView();
            var site = supplier?.Sites.FirstOrDefault(s => s.Id == definition.SiteId);
            if (supplier == null) return Problems.Invalid("supplierId", $"no supplier '{definition.SupplierId}'");
            if (site == null) return Problems.Invalid("siteId", $"supplier '{supplier.Id}' has no site '{definition.SiteId}'");
            definition = definition with
            {
                Point = new Domain.Geo.GeoPoint(site.Lat, site.Lon),
                PlaceName = site.Name,
                Title = body.Title?.Trim() ?? $"{supplier.Name}: {site.Name} halted",
            };
        }
        var grain = grains.GetGrain<IDisruptionGrain>(definition.Id);
        // A retry without a start (it defaulted to "now") is the same declaration as the first post.
        if (body.Id != null && body.Start == null && await grain.GetView() is { } existing) definition = definition with { Start = existing.Start };
        var result = await grain.Create(definition, Caller.From(user).Name);
        return result.Outcome switch
        {
            CreateOutcome.Created => TypedResults.Created($"/api/disruptions/{definition.Id}", result.View),
            CreateOutcome.AlreadyExists => TypedResults.Ok(result.View),
            _ => Problems.Conflict($"disruption '{definition.Id}' already exists with a different declaration"),
        };
    }

    private static async Task<IResult> List(IGrainFactory grains, string? active, string? type)
    {
        var errors = new ValidationErrors();
        bool? wantActive = active switch { null => null, "true" => true, "false" => false, _ => null };
        if (active != null && wantActive == null) errors.Add("active", "must be true or false");
        if (type != null && !DisruptionNames.TryParseType(type, out _)) errors.Add("type", "must be one of " + string.Join(", ", DisruptionNames.TypeNames));
        if (!errors.IsEmpty) return Problems.Invalid(errors);
        var ids = await grains.GetGrain<IRegistryGrain>(Registries.Disruptions).All();
        var views = await Task.WhenAll(ids.Select(id => grains.GetGrain<IDisruptionGrain>(id).GetView()));
        return TypedResults.Ok(views.OfType<DisruptionView>()
            .Where(v => (wantActive == null || (v.Status == "active") == wantActive) && (type == null || v.Type == type))
            .OrderBy(v => v.Status == "active" ? 0 : 1).ThenByDescending(v => v.Start).ThenBy(v => v.Id, StringComparer.Ordinal)
            .ToArray());
    }

    private static async Task<IResult> Get(string id, IGrainFactory grains) =>
        await grains.GetGrain<IDisruptionGrain>(id).GetView() is { } view ? TypedResults.Ok(view) : NotFound(id);

    private static async Task<IResult> Resolve(string id, IGrainFactory grains, ClaimsPrincipal user) =>
        await grains.GetGrain<IDisruptionGrain>(id).Resolve(Caller.From(user).Name) is { } view ? TypedResults.Ok(view) : NotFound(id);

    /// <param name="limit">Shipments listed (the summary counts them all): 1–10,000, default 500.</param>
    private static async Task<IResult> Impact(string id, IGrainFactory grains, int? limit)
    {
        if (limit is < 1 or > 10_000) return Problems.Invalid("limit", "must be between 1 and 10000");
        var impact = await grains.GetGrain<IDisruptionGrain>(id).GetImpact();
        if (impact == null) return NotFound(id);
        return TypedResults.Ok(impact with { Shipments = impact.Shipments.Take(limit ?? 500).ToArray() });
    }

    private static async Task<IResult> ImportUsgs(HttpRequest request, UsgsImporter importer, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (body, length, refused) = await JsonBody.ReadBytesAsync(request, MaxFeedBytes);
        if (refused != null) return refused;
        try
        {
            var report = await importer.ImportAsync(body.AsMemory(0, length), "api:" + Caller.From(user).Name, cancellationToken);
            return report.Error != null ? Problems.Invalid(report.ErrorField ?? "$", report.Error) : TypedResults.Ok(report);
        }
        finally
        {
            JsonBody.Return(body!);
        }
    }

    private static ProblemHttpResult NotFound(string id) => Problems.NotFound($"no disruption '{id}'");
}
