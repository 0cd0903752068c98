using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Visibility.Domain.Sourcing;
using Visibility.Domain.Tariffs;
using Visibility.Domain.Validation;
using Visibility.Grains.Factories;
using Visibility.Grains.Registry;
using Visibility.Grains.Sourcing;
using Visibility.Host.Apis;
using Visibility.Host.Auth;
using Visibility.Host.Hosting;

namespace Visibility.Host.Sourcing;

/// <summary>Sourcing per factory and part (shares, concentration, category, duty, lead time) and the rebalancing what-if.</summary>
public static class SourcingApi
{
    public static void MapSourcingApi(this IEndpointRouteBuilder app)
    {
        var factories = app.MapGroup("/api/factories").WithTags("Sourcing").RequireAuthorization(Policies.Buffers);
        factories.MapGet("/{id}/sourcing", Sourcing).WithSummary("Each part's country shares, HHI by country and supplier, category, Section 301 duty and sea lead time");
        factories.MapPut("/{id}/parts/{partNumber}/sourcing", PutSourcing).WithSummary("Set a part's country shares (or [] to derive them from its supplier sites again) and unit value")
            .Accepts<SourcingRequest>("application/json").WithBodyLimit(16 * 1024);

        var scenarios = app.MapGroup("/api/scenarios").WithTags("Sourcing").RequireAuthorization(Policies.Buffers);
        scenarios.MapPost("/rebalance", Rebalance).WithSummary("What-if: move shares of a part's (or a factory's) volume between countries; before and after")
            .Accepts<RebalanceRequest>("application/json").WithBodyLimit(16 * 1024).WithMetadata(Hosting.NoStorageWrites.Instance);
        scenarios.MapPost("/", Save).WithSummary("Run a what-if and save it under a name").Accepts<SaveScenarioRequest>("application/json")
            .WithBodyLimit(16 * 1024);
        scenarios.MapGet("/", List).WithSummary("Saved what-ifs, newest first (without their part rows)");
        scenarios.MapGet("/{id}", Get).WithSummary("A saved what-if with its result as computed when saved");
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static async Task<Results<Ok<FactorySourcing>, ProblemHttpResult>> Sourcing(string id, IGrainFactory grains, SeaLeadTimes sea,
        Section301Table tariffs, ExportConcentrationTable centrality, TimeProvider clock)
    {
        var parts = await grains.GetGrain<IFactoryGrain>(id).GetSourcing(null);
        if (parts == null) return Problems.NotFound($"no factory '{id}'");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var rows = parts.Select(p =>
        {
            Func<string, double?> km = c => sea.SeaKm(c, p.FactoryCountry);
            var picture = Domain.Sourcing.Rebalance.Picture(p, p.Shares, km, tariffs, centrality, today, Domain.Sourcing.Rebalance.SeaLeadDays(p.FactoryCountry, p.Shares, km));
            var supplierHhi = p.SupplierShares is { Count: > 0 } s ? Math.Round(Concentration.Hhi(s.Values), 1) : (double?)null;
            return new PartSourcingView(p.PartNumber, p.HsCode, p.Shares, p.SupplierShares ?? new Dictionary<string, double>(), picture.Hhi, picture.Reading,
                supplierHhi, picture.ExportHhi, picture.Category, picture.CategoryName, Math.Round(p.AnnualQuantity), p.UnitValueUsd > 0 ? p.UnitValueUsd : null,
                picture.DutyPerYearUsd, picture.DutyPerYearMaxUsd, tariffs.Lookup(p.TariffCode, "CN", today).ListsOfCode, picture.SeaLeadDays,
                p.Hts8 is { } h ? Domain.Tariffs.HtsCode.Dotted(h) : null);
        }).ToArray();
        bool valued = rows.Any(r => r.UnitValueUsd > 0);
        double Weight(PartSourcingView r) => valued ? r.AnnualQuantity * (r.UnitValueUsd ?? 0) : r.AnnualQuantity;
        var sourced = rows.Where(r => r.CountryShares.Length > 0).ToArray();
        double total = sourced.Sum(Weight);
        double hhi = total > 0 ? sourced.Sum(r => Weight(r) * r.Hhi) / total : 0;
        return TypedResults.Ok(new FactorySourcing(id, today, Math.Round(hhi, 1), Concentration.Reading(hhi), Math.Round(rows.Sum(r => r.DutyPerYearUsd), 2),
            rows, centrality.Source, tariffs.Source));
    }

    private static async Task<IResult> PutSourcing(string id, string partNumber, HttpRequest request, IGrainFactory grains)
    {
        var (body, problem) = await JsonBody.ReadAsync<SourcingRequest>(request);
        if (problem != null) return problem;
        var errors = new ValidationErrors();
        var shares = body!.Validate(errors);
        if (!errors.IsEmpty) return Problems.Invalid(errors);
        var sourcing = await grains.GetGrain<IFactoryGrain>(id).GetSourcing(null);
        if (sourcing?.FirstOrDefault(p => p.PartNumber == partNumber) is { } current && body.Hts8Digits is { } line && !line.StartsWith(current.HsCode, StringComparison.Ordinal))
            return Problems.Invalid("hts8", $"must be a line of the part's HS6 heading {current.HsCode}");
        return await grains.GetGrain<IFactoryGrain>(id).SetSourcing(partNumber, body.Shares != null, shares, body.UnitValueUsd, body.Hts8Digits) switch
        {
            null => Problems.NotFound($"no factory '{id}'"),
            false => Problems.NotFound($"factory '{id}' has no part '{partNumber}'"),
            true => TypedResults.Ok((await grains.GetGrain<IFactoryGrain>(id).GetSourcing(partNumber))![0]),
        };
    }

    private static async Task<IResult> Rebalance(HttpRequest request, RebalanceService service)
    {
        var (body, problem) = await JsonBody.ReadAsync<RebalanceRequest>(request);
        if (problem != null) return problem;
        var (result, errors) = await service.RunAsync(body!);
        return result != null ? TypedResults.Ok(result) : Problems.Invalid(errors);
    }

    private static async Task<IResult> Save(HttpRequest request, RebalanceService service, IGrainFactory grains, ClaimsPrincipal user, TimeProvider clock)
    {
        var (body, problem) = await JsonBody.ReadAsync<SaveScenarioRequest>(request);
        if (problem != null) return problem;
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(body!.Name)) errors.Add("name", "is required");
        else if (!TextRules.IsValidText(body.Name, 120, out var why)) errors.Add("name", why);
        if (body.Request == null) errors.Add("request", "is required: the what-if to run and save");
        if (!errors.IsEmpty) return Problems.Invalid(errors);
        var (result, runErrors) = await service.RunAsync(body.Request!);
        if (result == null)
        {
            var prefixed = new ValidationErrors();
            foreach (var (field, messages) in runErrors.ToDictionary()) foreach (var m in messages) prefixed.Add($"request.{field}", m);
            return Problems.Invalid(prefixed);
        }
        var id = Guid.NewGuid().ToString("N")[..12];
        var saved = new SavedScenario(id, body.Name!.Trim(), Caller.From(user).Name, clock.GetUtcNow(),
            JsonSerializer.Serialize(body.Request, Json), JsonSerializer.Serialize(result, Json));
        await grains.GetGrain<IScenarioGrain>(id).Save(saved);
        return TypedResults.Created($"/api/scenarios/{id}", ScenarioView.From(saved, withParts: true));
    }

    private static async Task<Ok<ScenarioView[]>> List(IGrainFactory grains)
    {
        var ids = await grains.GetGrain<IRegistryGrain>(Registries.Scenarios).All();
        var saved = await Task.WhenAll(ids.Select(id => grains.GetGrain<IScenarioGrain>(id).Get()));
        return TypedResults.Ok(saved.OfType<SavedScenario>().OrderByDescending(s => s.CreatedAt).Select(s => ScenarioView.From(s, withParts: false)).ToArray());
    }

    private static async Task<Results<Ok<ScenarioView>, ProblemHttpResult>> Get(string id, IGrainFactory grains) =>
        await grains.GetGrain<IScenarioGrain>(id).Get() is { } s ? TypedResults.Ok(ScenarioView.From(s, withParts: true)) : Problems.NotFound($"no scenario '{id}'");
}

public sealed record FactorySourcing(
    string FactoryId, DateOnly Date, double Hhi, string Reading, double DutyPerYearUsd, PartSourcingView[] Parts,
    string CentralitySource, string TariffSource);

public sealed record PartSourcingView(
    string PartNumber, string HsCode, CountryShare[] CountryShares, IReadOnlyDictionary<string, double> SupplierShares,
    double Hhi, string Reading, double? SupplierHhi, double? ExportHhi, int? Category, string? CategoryName,
    double AnnualQuantity, double? UnitValueUsd, double DutyPerYearUsd, double DutyPerYearMaxUsd, string[] Section301Lists, double SeaLeadDays,
    string? Hts8);

/// <summary>A saved scenario; the list leaves the per-part rows out.</summary>
public sealed record ScenarioView(string Id, string Name, string CreatedBy, DateTimeOffset CreatedAt, JsonElement Request, JsonElement Result)
{
    public static ScenarioView From(SavedScenario s, bool withParts)
    {
        var result = JsonDocument.Parse(s.ResultJson).RootElement;
        if (!withParts)
        {
            var trimmed = result.EnumerateObject().Where(p => p.Name is not ("parts" or "unsourced")).ToDictionary(p => p.Name, p => p.Value);
            result = JsonSerializer.SerializeToElement(trimmed);
        }
        return new ScenarioView(s.Id, s.Name, s.CreatedBy, s.CreatedAt, JsonDocument.Parse(s.RequestJson).RootElement, result);
    }
}
