using Microsoft.AspNetCore.Http.HttpResults;
using Visibility.Domain.Tariffs;
using Visibility.Domain.Validation;
using Visibility.Host.Auth;

namespace Visibility.Host.Apis;

/// <summary>/api/tariffs: US Section 301 exposure of a code by origin and date.</summary>
public static class TariffsApi
{
    public static RouteGroupBuilder MapTariffsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tariffs").WithTags("Tariffs").RequireAuthorization(Policies.AnyUser);
        group.MapGet("/section301/{hts}", Section301)
            .WithSummary("Section 301 lists and additional duty for an HS6, HTS8 or HTS10 code (dotted or not), origin and date; " +
                         "with annualQuantity and unitValueUsd also the duty per year");
        return group;
    }

    private static Results<Ok<Section301Answer>, ValidationProblem> Section301(string hts, string? origin, DateOnly? date,
        double? annualQuantity, double? unitValueUsd, Section301Table table, TimeProvider clock)
    {
        var errors = new ValidationErrors();
        if (!HtsCode.TryNormalise(hts, out var digits)) errors.Add("hts", "must be an HS6, HTS8 or HTS10 code such as 8542.31 or 8542.31.00");
        if (!CountryCodes.IsValid(origin)) errors.Add("origin", "is required: an ISO 3166 alpha-2 country code such as CN");
        if (annualQuantity is { } q && (!double.IsFinite(q) || q < 0 || q > 1e12)) errors.Add("annualQuantity", "must be between 0 and 1e12");
        if (unitValueUsd is { } v && (!double.IsFinite(v) || v < 0 || v > 1e9)) errors.Add("unitValueUsd", "must be between 0 and 1e9");
        if ((annualQuantity == null) != (unitValueUsd == null)) errors.Add(annualQuantity == null ? "annualQuantity" : "unitValueUsd", "give both annualQuantity and unitValueUsd for the duty per year");
        if (!errors.IsEmpty) return Problems.Invalid(errors);

        var day = date ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var e = table.Lookup(digits, origin!, day);
        double? value = annualQuantity * unitValueUsd;
        return TypedResults.Ok(new Section301Answer(
            HtsCode.Dotted(digits), e.Origin, e.Date, e.Lists, e.AdditionalDutyPct, e.Mixed,
            e.Mixed ? new DutyRange(e.MinDutyPct, e.MaxDutyPct) : null, e.Lines, e.ListsOfCode,
            value is { } annual ? new DutyPerYear(annual, annual * e.MinDutyPct / 100, annual * e.MaxDutyPct / 100) : null,
            table.Source));
    }
}

/// <param name="AdditionalDutyPct">For a mixed HS6, the highest rate of its lines (see Range).</param>
/// <param name="ListsOfCode">Every list the code's lines are on (what it would carry from China), whatever the origin and date.</param>
public sealed record Section301Answer(
    string Hts, string Origin, DateOnly Date, string[] Lists, double AdditionalDutyPct, bool Mixed, DutyRange? Range,
    int Lines, string[] ListsOfCode, DutyPerYear? DutyPerYear, string Source);

public sealed record DutyRange(double MinPct, double MaxPct);

/// <summary>Yearly duty on annualQuantity × unitValueUsd (customs value); min and max differ only for a mixed HS6.</summary>
public sealed record DutyPerYear(double ValueUsd, double MinUsd, double MaxUsd);
