using Visibility.Domain.Validation;
using Visibility.Host.Apis;
using Visibility.Host.Auth;

namespace Visibility.Host.Audit;

/// <summary>GET /api/audit: the audit log, newest first, for admins.</summary>
public static class AuditApi
{
    public const int MaxLimit = 1_000;

    public static RouteHandlerBuilder MapAuditApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/audit", Query).WithTags("Access").RequireAuthorization(Policies.Admin)
            .WithSummary("Every write (who, role, when, method, path, status, object, summary), newest first; telemetry summarised per tracker per minute");

    private static async Task<IResult> Query(AuditLog audit, string? from, string? to, string? user, int? limit, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        DateTimeOffset? start = ParseTime("from", from, errors), end = ParseTime("to", to, errors);
        if (start != null && end != null && end < start) errors.Add("to", "must not be before from");
        if (user != null && !TextRules.IsValidId(user, 64, out var why)) errors.Add("user", why);
        if (limit is < 1 or > MaxLimit) errors.Add("limit", $"must be between 1 and {MaxLimit}");
        if (!errors.IsEmpty) return Problems.Invalid(errors);
        int take = limit ?? 100;
        return TypedResults.Ok(new AuditPage(start, end, user, take, await audit.QueryAsync(start, end, user, take, ct)));
    }

    private static DateTimeOffset? ParseTime(string field, string? value, ValidationErrors errors)
    {
        if (value == null) return null;
        if (value.Length <= 40 && Rfc3339.TryParse(value, out var at)) return at;
        errors.Add(field, "must be an RFC 3339 time such as 2026-05-01T00:00:00Z");
        return null;
    }
}
