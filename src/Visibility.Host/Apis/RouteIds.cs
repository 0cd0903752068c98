using Visibility.Domain.Validation;

namespace Visibility.Host.Apis;

/// <summary>
/// Ids in the path ("/api/shipments/{id}") follow the same rule as ids in bodies: 1–64 characters, no control
/// characters, no surrounding white space. A bad one is a 400 naming the parameter, and never reaches a grain
/// (every distinct id would otherwise activate one). Runs as an endpoint filter, so after authorization.
/// </summary>
public static class RouteIds
{
    public const int MaxLength = 64;

    public static async ValueTask<object?> Check(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ValidationErrors? errors = null;
        foreach (var (name, value) in context.HttpContext.Request.RouteValues)
            if (value is string id && !TextRules.IsValidId(id, MaxLength, out var why)) (errors ??= new()).Add(name, why);
        return errors == null ? await next(context) : Problems.Invalid(errors);
    }
}
