using System.Security.Claims;
using Visibility.Host.Audit;
using Visibility.Host.Auth;
using Visibility.Domain.Locations;
using Visibility.Domain.Suppliers;
using Visibility.Domain.Validation;
using Visibility.Grains.Registry;
using Visibility.Grains.Shipments;
using Visibility.Grains.Suppliers;

namespace Visibility.Host.Apis;

public static class SuppliersApi
{
    public static RouteGroupBuilder MapSuppliersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/suppliers").WithTags("Suppliers");
        group.MapPost("/", Create).WithSummary("Register a supplier with its sites and the parts each site supplies to which factories")
            .Accepts<CreateSupplierRequest>("application/json").RequireAuthorization(Policies.SuppliersWrite);
        group.MapGet("/", List).WithSummary("All suppliers with their sites' current status (a supplier user: only itself)")
            .RequireAuthorization(Policies.SuppliersRead);
        group.MapGet("/{id}", Get).WithSummary("A supplier").RequireAuthorization(Policies.SuppliersRead);
        group.MapPost("/{id}/status", PostStatus).WithSummary("Post the status of one site, or of all sites")
            .Accepts<SupplierStatusRequest>("application/json").RequireAuthorization(Policies.SupplierStatusWrite);
        group.MapGet("/{id}/status-history", History).WithSummary("Every status the supplier posted, newest first")
            .RequireAuthorization(Policies.SuppliersRead);
        return group;
    }

    private static async Task<IResult> Create(HttpRequest request, LocationCatalog locations, IGrainFactory grains)
    {
        var (body, problem) = await JsonBody.ReadAsync<CreateSupplierRequest>(request);
        if (problem != null) return problem;
        var errors = new ValidationErrors();
        var profile = body!.Validate(locations, errors);
        if (profile == null) return Problems.Invalid(errors);
        request.HttpContext.Audit(profile.Id, $"register supplier {profile.Id} with {profile.Sites.Length} sites");
        var result = await grains.GetGrain<ISupplierGrain>(profile.Id).Create(profile);
        return result.Outcome switch
        {
            CreateOutcome.Created => TypedResults.Created($"/api/suppliers/{Uri.EscapeDataString(profile.Id)}", result.View),
            CreateOutcome.AlreadyExists => TypedResults.Ok(result.View),
            _ => Problems.Conflict($"supplier '{profile.Id}' already exists with a different definition"),
        };
    }

    private static async Task<Results<Ok<SupplierView[]>, ValidationProblem>> List(IGrainFactory grains, ClaimsPrincipal user, string? country)
    {
        if (country != null && !CountryCodes.IsValid(country)) return Problems.Invalid("country", "must be an ISO 3166 alpha-2 code");
        var caller = Caller.From(user);
        var ids = caller.IsSupplier ? [caller.SupplierId!] : await grains.GetGrain<IRegistryGrain>(Registries.Suppliers).All();
        var views = await Task.WhenAll(ids.Select(id => grains.GetGrain<ISupplierGrain>(id).GetView()));
        return TypedResults.Ok(views.Where(v => v != null && (country == null || v.Country == country.ToUpperInvariant()
                                                                || v.Sites.Any(s => s.Country == country.ToUpperInvariant()))).ToArray()!);
    }

    // Another supplier's record answers exactly as one that does not exist: 404.
    private static async Task<Results<Ok<SupplierView>, ProblemHttpResult>> Get(string id, IGrainFactory grains, ClaimsPrincipal user) =>
        Caller.From(user).MaySee(id) && await grains.GetGrain<ISupplierGrain>(id).GetView() is { } view ? TypedResults.Ok(view) : Problems.NotFound($"no supplier '{id}'");

    private static async Task<IResult> PostStatus(string id, HttpRequest request, IGrainFactory grains, ClaimsPrincipal user)
    {
        var (body, problem) = await JsonBody.ReadAsync<SupplierStatusRequest>(request);
        if (problem != null) return problem;
        var errors = new ValidationErrors();
        if (!body!.Validate(errors, out var status)) return Problems.Invalid(errors);
        request.HttpContext.Audit(id, $"status {body.Status} at {body.CapacityPct}% for {(body.SiteId == null ? "every site" : "site " + body.SiteId)}");
        var grain = grains.GetGrain<ISupplierGrain>(id);
        var current = Caller.From(user).MaySee(id) ? await grain.GetView() : null;
        if (current == null) return Problems.NotFound($"no supplier '{id}'");
        if (body.SiteId != null && current.Sites.All(s => s.Id != body.SiteId)) return Problems.Invalid("siteId", $"supplier '{id}' has no site '{body.SiteId}'");
        var view = await grain.PostStatus(body.SiteId, status, body.CapacityPct!.Value, body.ExpectedRecovery?.ToUniversalTime(), body.Note);
        return TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<StatusHistoryEntry[]>, ProblemHttpResult>> History(string id, IGrainFactory grains, ClaimsPrincipal user) =>
        Caller.From(user).MaySee(id) && await grains.GetGrain<ISupplierGrain>(id).GetHistory() is { } history ? TypedResults.Ok(history) : Problems.NotFound($"no supplier '{id}'");
}
