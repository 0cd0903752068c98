using Microsoft.AspNetCore.Http.Metadata;
using Visibility.Host.Auth;
using Visibility.Storage;

namespace Visibility.Host.Audit;

/// <summary>
/// Writes an audit line for every write (POST, PUT, PATCH, DELETE) under /api, whether it succeeded or was refused,
/// before the answer leaves: a client that saw its write acknowledged can rely on it being audited. Telemetry goes to
/// <see cref="TelemetryAuditSummary"/> instead. Runs after authentication (it knows the user) and before
/// authorization (a 401/403 is recorded too); rate-limited requests never get here and are not recorded one by one.
/// </summary>
public sealed class AuditMiddleware(RequestDelegate next, AuditLog audit, TelemetryAuditSummary telemetry, TimeProvider clock,
    StorageHealth storage, IStorageDurability durability, ILogger<AuditMiddleware> logger)
{
    /// <summary>How long an answer waits for its audit line before it goes anyway (and the failure is logged).</summary>
    private static readonly TimeSpan AppendTimeout = TimeSpan.FromSeconds(10);
    private const int MaxPathLength = 512;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || !request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }
        if (request.Path.StartsWithSegments(TelemetryAuditSummary.Path))
        {
            await next(context);
            var note = AuditNote.Find(context);
            telemetry.Record(note?.Actor ?? "unverified-tracker", note?.ActorKind ?? "anonymous", context.Response.StatusCode, note?.Readings ?? 0);
            return;
        }
        context.Response.OnStarting(static state =>
        {
            var (self, ctx) = ((AuditMiddleware, HttpContext))state;
            return self.WriteAsync(ctx);
        }, (this, context));
        await next(context);
    }

    private Task WriteAsync(HttpContext context)
    {
        var entry = Describe(context, clock.GetUtcNow());
        // A refusal because storage is down must not wait for storage: its line is written when storage is back, if the
        // host is still running then (the refusal changed nothing, so nothing relies on its line).
        if (!storage.IsAvailable || entry.Status == StatusCodes.Status503ServiceUnavailable) return AppendAsync(entry, acknowledged: false);
        return AppendAsync(entry, acknowledged: entry.Status is >= 200 and < 300);
    }

    private async Task AppendAsync(AuditEntry entry, bool acknowledged)
    {
        try
        {
            if (!acknowledged)
            {
                _ = audit.AppendAsync(entry).ContinueWith(t => logger.LogError(t.Exception, "Audit: the line for {Method} {Path} → {Status} by {Actor} could not be written",
                    entry.Method, entry.Path, entry.Status, entry.Actor), TaskContinuationOptions.OnlyOnFaulted);
                return;
            }
            await audit.AppendAsync(entry).WaitAsync(AppendTimeout);
            // The write it describes was made durable before the answer; its audit line is too.
            await durability.WaitDurableAsync(CancellationToken.None).WaitAsync(AppendTimeout);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Audit: the line for {Method} {Path} → {Status} by {Actor} could not be written", entry.Method, entry.Path, entry.Status, entry.Actor);
        }
    }

    public static AuditEntry Describe(HttpContext context, DateTimeOffset at)
    {
        var note = AuditNote.Find(context);
        string actor, kind;
        string? role;
        if (context.User.Identity is { IsAuthenticated: true })
        {
            var caller = Caller.From(context.User);
            (actor, kind, role) = (caller.Name, "user", caller.Role == "" ? null : caller.Role);
        }
        else (actor, kind, role) = (note?.Actor ?? "anonymous", note?.ActorKind ?? "anonymous", note?.Role);

        string path = context.Request.Path.Value ?? "";
        if (path.Length > MaxPathLength) path = path[..MaxPathLength] + "…";
        string? summary = note?.Summary ?? context.GetEndpoint()?.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary;
        return new AuditEntry(at, actor, kind, role, context.Request.Method, path, context.Response.StatusCode, ObjectOf(context, note), summary);
    }

    /// <summary>What the handler named; else the route's ids joined ("F-1/P-1"); else the last part of a 201's Location.</summary>
    private static string? ObjectOf(HttpContext context, AuditNote? note)
    {
        if (note?.ObjectId != null) return note.ObjectId;
        var ids = context.Request.RouteValues.Values.OfType<string>().ToArray();
        if (ids.Length > 0) return Bounded(string.Join("/", ids));
        if (context.Response.Headers.Location.ToString() is { Length: > 0 } location)
            return Bounded(Uri.UnescapeDataString(location[(location.LastIndexOf('/') + 1)..]));
        return null;
    }

    private static string Bounded(string value) => value.Length > 200 ? value[..200] + "…" : value;
}
