using Visibility.Storage;

namespace Visibility.Host.Hosting;

/// <summary>
/// "Acknowledged means durable", for every write endpoint at once: a 2xx answer to a write leaves only after storage has
/// made durable everything it answered (<see cref="IStorageDurability"/>; on the embedded default, a save of Azurite's
/// indexes shared by every request waiting for one). While storage is unavailable, writes are answered 503 with
/// Retry-After: at once when it is known to be down, and as soon as it is found down when a write is already waiting.
/// </summary>
/// <remarks>
/// A write answered 503 was not acknowledged: it may or may not have been applied, and a retry is safe because every write
/// endpoint is idempotent for the same request (reading ids, booking references, declaration ids).
/// </remarks>
public sealed class DurableAcknowledgement(StorageHealth health, IStorageDurability durability, ILogger<DurableAcknowledgement> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!IsWrite(http)) return await next(context);
        if (!health.IsAvailable) return Unavailable(health.Status);

        var unavailable = health.WhenUnavailable;
        var handler = next(context).AsTask();
        object? result;
        try
        {
            if (!await FinishesFirstAsync(handler, unavailable)) return Unavailable(health.Status);
            result = await handler;
        }
        catch (Exception ex) when (StorageFailures.Means(ex) || !health.IsAvailable)
        {
            if (ex is StorageUnavailableException) health.ReportUnavailable(ex.Message);
            logger.LogWarning("Write {Method} {Path} not acknowledged: storage failed ({Error})", http.Request.Method, http.Request.Path, ex.GetType().Name);
            return Unavailable(health.IsAvailable ? "storage did not complete the write; retry" : health.Status);
        }

        if (!IsSuccess(result)) return result;
        try
        {
            var durable = durability.WaitDurableAsync(http.RequestAborted);
            if (!await FinishesFirstAsync(durable, unavailable)) return Unavailable(health.Status);
            await durable;
            return result;
        }
        catch (StorageUnavailableException ex)
        {
            health.ReportUnavailable(ex.Message);
            return Unavailable(ex.Message);
        }
    }

    private static bool IsWrite(HttpContext http) =>
        !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method))
        && http.GetEndpoint()?.Metadata.GetMetadata<NoStorageWrites>() is null;

    private static bool IsSuccess(object? result) => result switch
    {
        IStatusCodeHttpResult { StatusCode: { } code } => code is >= 200 and < 300,
        _ => true,
    };

    private IResult Unavailable(string why)
    {
        DurabilityMetrics.Refused.Add(1);
        return new ServiceUnavailable(why, health.Options.RetryAfter);
    }

    /// <summary>
    /// False when storage is found unavailable before <paramref name="work"/> ends; the work then goes on unobserved (its
    /// outcome is not acknowledged) and a later failure of it is not an unobserved-task error.
    /// </summary>
    private static async Task<bool> FinishesFirstAsync(Task work, Task unavailable)
    {
        if (await Task.WhenAny(work, unavailable) == work) return true;
        _ = work.ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
        return false;
    }
}

/// <summary>Marks a POST that only computes or reads (a what-if, a sign-in): it needs no storage barrier and no 503 gate.</summary>
public sealed class NoStorageWrites
{
    public static readonly NoStorageWrites Instance = new();
}

/// <summary>RFC 9457 503 with Retry-After: storage cannot take writes now; nothing was acknowledged.</summary>
public sealed class ServiceUnavailable(string detail, TimeSpan retryAfter) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => StatusCodes.Status503ServiceUnavailable;

    public Task ExecuteAsync(HttpContext http)
    {
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            detail: $"Storage cannot take writes now ({detail}). Nothing was acknowledged; retry after the given delay.",
            statusCode: StatusCodes.Status503ServiceUnavailable, title: "Storage unavailable").ExecuteAsync(http);
    }
}
