using Visibility.Host.Audit;
using Visibility.Host.Auth;
using Visibility.Host.Hosting;
using Visibility.Host.Ingest;

namespace Visibility.Host.Apis;

public static class TelemetryApi
{
    public const int MaxBodyBytes = 1_000_000;

    public static RouteGroupBuilder MapTelemetryApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/telemetry").WithTags("Telemetry");
        // Trackers authenticate with their own key (X-Device-Key), checked here, not with a user's bearer token.
        group.MapPost("/", Post).AllowAnonymous()
            .WithSummary("Ingest a batch of up to 1,000 readings (1 MB) with a tracker key (X-Device-Key); all or nothing; 202 means durably stored")
            .Accepts<TelemetryReadingDoc[]>("application/json").WithBodyLimit(MaxBodyBytes)
            .Produces<IngestAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return group;
    }

    public const string DeviceKeyHeader = "X-Device-Key";

    private static Accepted<IngestAccepted> Accepted(AuditNote note, TelemetryIngestor.Accepted accepted)
    {
        note.Readings = accepted.Readings;
        return TypedResults.Accepted((string?)null, new IngestAccepted(accepted.Readings, accepted.Duplicates, accepted.Stale));
    }

    private static async Task<IResult> Post(HttpRequest request, TelemetryIngestor ingestor, RecoveryStatus recovery, DeviceKeyVerifier devices)
    {
        var (device, refusal) = await devices.VerifyAsync(request.Headers[DeviceKeyHeader].ToString());
        if (device == null) return Problems.Unauthorized(refusal!);
        var note = AuditNote.For(request.HttpContext);
        (note.Actor, note.ActorKind, note.Role) = (device.DeviceId, "tracker", "tracker");
        if (!recovery.Recovered) return Problems.Unavailable("the ingest log is being replayed; retry shortly");
        var (body, length, refused) = await JsonBody.ReadBytesAsync(request);
        if (refused != null) return refused;
        try
        {
            var outcome = await ingestor.IngestAsync(body.AsMemory(0, length), device.Allows);
            return outcome switch
            {
                TelemetryIngestor.Accepted a => Accepted(note, a),
                TelemetryIngestor.Invalid i => Problems.Invalid(i.Errors, "The batch was refused whole; nothing of it was applied."),
                TelemetryIngestor.NotAssigned n => Problems.Forbidden(n.Errors,
                    $"Tracker '{device.DeviceId}' is not assigned to every shipment in the batch; nothing of it was applied."),
                _ => throw new InvalidOperationException("unexpected ingest outcome"),
            };
        }
        finally
        {
            JsonBody.Return(body!);
        }
    }
}

/// <param name="Accepted">Readings applied.</param>
/// <param name="Duplicates">Readings applied before (same shipment and message id within the idempotency window): not again.</param>
/// <param name="Stale">Readings older than the idempotency window (24 h before the shipment's newest reading, or older than
/// the readings it still holds): not applied, since they could be replays of readings applied long ago.</param>
public sealed record IngestAccepted(int Accepted, int Duplicates, int Stale);

/// <summary>The reading schema, for the OpenAPI document only (the endpoint parses the body itself).</summary>
public sealed record TelemetryReadingDoc(
    string MessageId, string ShipmentId, DateTimeOffset Timestamp, double Lat, double Lon,
    double? SpeedKnots, double? HeadingDeg, double? TemperatureC, double? HumidityPct, double? ShockG, bool? DoorOpen, double? BatteryPct);
