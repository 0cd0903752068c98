using Visibility.Host.Audit;
using Visibility.Host.Auth;
using Visibility.Domain.Factories;
using Visibility.Domain.Inventory;
using Visibility.Domain.Locations;
using Visibility.Domain.Validation;
using Visibility.Grains.Factories;
using Visibility.Grains.Registry;
using Visibility.Grains.Shipments;
using Visibility.Host.Hosting;
using Visibility.Host.Live;

namespace Visibility.Host.Apis;

public static class FactoriesApi
{
    public const int MaxConsumptionEntries = 1_000;

    public static RouteGroupBuilder MapFactoriesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/factories").WithTags("Factories and buffers");
        group.MapPost("/", Create).WithSummary("Register a factory").Accepts<CreateFactoryRequest>("application/json")
            .RequireAuthorization(Policies.Buffers);
        // Where factories are and what they make is on the operator map too; their buffers are the managers'.
        group.MapGet("/", List).WithSummary("All factories").RequireAuthorization(Policies.FactoriesRead);
        group.MapGet("/{id}", Get).WithSummary("A factory and the parts it buffers").RequireAuthorization(Policies.FactoriesRead);
        group.MapPut("/{id}/parts/{partNumber}", PutPart).WithSummary("Set a part's DDMRP buffer parameters")
            .Accepts<PutPartRequest>("application/json").RequireAuthorization(Policies.Buffers);
        group.MapPost("/{id}/consumption", Consumption).WithSummary("Record daily usage (ADU is computed from it when not given)")
            .Accepts<ConsumptionRequest[]>("application/json").WithBodyLimit(256 * 1024).RequireAuthorization(Policies.Buffers);
        group.MapPost("/{id}/demand", PostDemand).WithSummary("Record open demand orders (the same orderId replaces); they make up qualified demand")
            .Accepts<DemandOrderRequest[]>("application/json").WithBodyLimit(256 * 1024).RequireAuthorization(Policies.Buffers);
        group.MapGet("/{id}/demand", GetDemand).WithSummary("The factory's open demand orders, by due date").RequireAuthorization(Policies.Buffers);
        group.MapDelete("/{id}/demand/{orderId}", CloseDemand).WithSummary("An order shipped or was cancelled: it is no longer open")
            .RequireAuthorization(Policies.Buffers);
        group.MapGet("/{id}/buffers", Buffers).WithSummary("The factory's buffers, most urgent first").RequireAuthorization(Policies.Buffers);
        group.MapGet("/{id}/buffers/{partNumber}", Buffer).WithSummary("One buffer with its 90-day projected on hand")
            .RequireAuthorization(Policies.Buffers);

        app.MapGet("/api/buffers", Board).WithTags("Factories and buffers").RequireAuthorization(Policies.Buffers)
            .WithSummary("Every factory × part buffer, most urgent first, filtered by factory, zone and country of supply");
        return group;
    }

    private static async Task<IResult> Create(HttpRequest request, LocationCatalog locations, IGrainFactory grains)
    {
        var (body, problem) = await JsonBody.ReadAsync<CreateFactoryRequest>(request);
        if (problem != null) return problem;
        var errors = new ValidationErrors();
        var profile = body!.Validate(locations, errors);
        if (profile == null) return Problems.Invalid(errors);
        request.HttpContext.Audit(profile.Id, $"register factory {profile.Id} at {profile.Locode}");
        var result = await grains.GetGrain<IFactoryGrain>(profile.Id).Create(profile);
        return result.Outcome switch
        {
            CreateOutcome.Created => TypedResults.Created($"/api/factories/{Uri.EscapeDataString(profile.Id)}", result.View),
            CreateOutcome.AlreadyExists => TypedResults.Ok(result.View),
            _ => Problems.Conflict($"factory '{profile.Id}' already exists with a different definition"),
        };
    }

    private static async Task<Ok<FactoryView[]>> List(IGrainFactory grains)
    {
        var ids = await grains.GetGrain<IRegistryGrain>(Registries.Factories).All();
        var views = await Task.WhenAll(ids.Select(id => grains.GetGrain<IFactoryGrain>(id).GetView()));
        return TypedResults.Ok(views.Where(v => v != null).ToArray()!);
    }

    private static async Task<Results<Ok<FactoryView>, ProblemHttpResult>> Get(string id, IGrainFactory grains) =>
        await grains.GetGrain<IFactoryGrain>(id).GetView() is { } view ? TypedResults.Ok(view) : NotFound(id);

    private static async Task<IResult> PutPart(string id, string partNumber, HttpRequest request, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        if (!TextRules.IsValidId(partNumber, 64, out var why)) return Problems.Invalid("partNumber", why);
        var (body, problem) = await JsonBody.ReadAsync<PutPartRequest>(request);
        if (problem != null) return problem;
        var parameters = body!.Validate(errors);
        if (parameters == null) return Problems.Invalid(errors);
        return await grains.GetGrain<IFactoryGrain>(id).PutPart(partNumber, parameters) is { } view ? TypedResults.Ok(view) : NotFound(id);
    }

    private static async Task<IResult> Consumption(string id, HttpRequest request, IGrainFactory grains, TimeProvider clock)
    {
        var (body, problem) = await JsonBody.ReadAsync<ConsumptionRequest[]>(request);
        if (problem != null) return problem;
        var factory = await grains.GetGrain<IFactoryGrain>(id).GetView();
        if (factory == null) return NotFound(id);
        var errors = new ValidationErrors();
        if (body!.Length == 0) errors.Add("$", "at least one entry is required");
        if (body.Length > MaxConsumptionEntries) errors.Add("$", $"at most {MaxConsumptionEntries} entries");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var entries = new List<ConsumptionEntry>();
        for (int i = 0; i < Math.Min(body.Length, MaxConsumptionEntries); i++)
        {
            var e = body[i];
            string at = $"[{i}]";
            if (e == null) { errors.Add(at, "must be an object"); continue; }
            if (e.PartNumber == null) errors.Add($"{at}.partNumber", "is required");
            else if (!TextRules.IsValidId(e.PartNumber, 64, out var why)) errors.Add($"{at}.partNumber", why);
            else if (!factory.Parts.Contains(e.PartNumber)) errors.Add($"{at}.partNumber", $"factory '{id}' has no buffer for part '{e.PartNumber}'");
            if (e.Date == null) errors.Add($"{at}.date", "is required (YYYY-MM-DD)");
            if (e.Quantity == null) errors.Add($"{at}.quantity", "is required");
            if (e.Date is { } d && e.Quantity is { } q)
            {
                ConsumptionLog.Validate(d, q, today, errors, at + ".");
                if (e.PartNumber != null) entries.Add(new ConsumptionEntry(e.PartNumber, d, q));
            }
        }
        if (!errors.IsEmpty) return Problems.Invalid(errors);
        var recorded = await grains.GetGrain<IFactoryGrain>(id).RecordConsumption([.. entries]);
        return TypedResults.Ok(new ConsumptionRecorded(recorded ?? 0));
    }

    public const int MaxDemandOrders = 1_000;

    private static async Task<IResult> PostDemand(string id, HttpRequest request, IGrainFactory grains, TimeProvider clock)
    {
        var (body, problem) = await JsonBody.ReadAsync<DemandOrderRequest[]>(request);
        if (problem != null) return problem;
        var factory = grains.GetGrain<IFactoryGrain>(id);
        var view = await factory.GetView();
        if (view == null) return NotFound(id);
        var errors = new ValidationErrors();
        if (body!.Length == 0) errors.Add("$", "at least one order is required");
        if (body.Length > MaxDemandOrders) errors.Add("$", $"at most {MaxDemandOrders} orders");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var orders = new List<DemandOrder>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < Math.Min(body.Length, MaxDemandOrders); i++)
        {
            var o = body[i];
            string at = $"[{i}]";
            if (o == null) { errors.Add(at, "must be an object"); continue; }
            string why;
            if (o.OrderId == null) errors.Add($"{at}.orderId", "is required");
            else if (!TextRules.IsValidId(o.OrderId, 64, out why)) errors.Add($"{at}.orderId", why);
            else if (!seen.Add(o.OrderId)) errors.Add($"{at}.orderId", "appears twice in the batch");
            if (o.PartNumber == null) errors.Add($"{at}.partNumber", "is required");
            else if (!TextRules.IsValidId(o.PartNumber, 64, out why)) errors.Add($"{at}.partNumber", why);
            else if (!view.Parts.Contains(o.PartNumber)) errors.Add($"{at}.partNumber", $"factory '{id}' has no buffer for part '{o.PartNumber}'");
            if (o.Quantity is not { } q) errors.Add($"{at}.quantity", "is required");
            else if (!double.IsFinite(q) || q <= 0 || q > BufferParameters.MaxQuantity) errors.Add($"{at}.quantity", "must be above 0 and at most 1,000,000,000");
            if (o.DueDate is not { } due) errors.Add($"{at}.dueDate", "is required (YYYY-MM-DD)");
            else if (due < today.AddYears(-1) || due > today.AddYears(2)) errors.Add($"{at}.dueDate", "must be within a year back and two years ahead");
            if (errors.IsEmpty) orders.Add(new DemandOrder(o.OrderId!, o.PartNumber!, o.Quantity!.Value, o.DueDate!.Value));
        }
        if (!errors.IsEmpty) return Problems.Invalid(errors);
        return await factory.UpsertDemand([.. orders]) switch
        {
            true => TypedResults.Ok(new DemandRecorded(orders.Count)),
            false => Problems.Invalid("$", $"a part may hold at most {FactoryBuffers.MaxOpenOrdersPerPart:N0} open orders"),
            null => NotFound(id),
        };
    }

    private static async Task<Results<Ok<DemandOrder[]>, ProblemHttpResult>> GetDemand(string id, string? part, IGrainFactory grains) =>
        await grains.GetGrain<IFactoryGrain>(id).GetDemand(part) is { } orders ? TypedResults.Ok(orders) : NotFound(id);

    private static async Task<Results<NoContent, ProblemHttpResult>> CloseDemand(string id, string orderId, IGrainFactory grains) =>
        await grains.GetGrain<IFactoryGrain>(id).CloseDemand(orderId) switch
        {
            true => TypedResults.NoContent(),
            false => Problems.NotFound($"factory '{id}' has no open order '{orderId}'"),
            null => NotFound(id),
        };

    private static async Task<Results<Ok<BufferView[]>, ProblemHttpResult>> Buffers(string id, IGrainFactory grains) =>
        await grains.GetGrain<IFactoryGrain>(id).GetBuffers() is { } buffers ? TypedResults.Ok(buffers) : NotFound(id);

    private static async Task<Results<Ok<BufferDetail>, ProblemHttpResult>> Buffer(string id, string partNumber, IGrainFactory grains)
    {
        var factory = grains.GetGrain<IFactoryGrain>(id);
        if (await factory.GetBuffer(partNumber) is { } detail) return TypedResults.Ok(detail);
        return await factory.GetView() == null ? NotFound(id) : Problems.NotFound($"factory '{id}' has no buffer for part '{partNumber}'");
    }

    private static Results<Ok<IReadOnlyList<BufferView>>, ValidationProblem> Board(BufferBoardState board, string? factory, string? zone, string? country)
    {
        if (zone is not (null or "red" or "yellow" or "green")) return Problems.Invalid("zone", "must be red, yellow or green");
        if (country != null && !CountryCodes.IsValid(country)) return Problems.Invalid("country", "must be an ISO 3166 alpha-2 code");
        var c = country?.ToUpperInvariant();
        return TypedResults.Ok(board.Query(b => (factory == null || b.FactoryId == factory) && (zone == null || b.Zone == zone)
                                                && (c == null || b.SupplyCountries.Contains(c))));
    }

    private static ProblemHttpResult NotFound(string id) => Problems.NotFound($"no factory '{id}'");
}
