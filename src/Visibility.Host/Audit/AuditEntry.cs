namespace Visibility.Host.Audit;

/// <summary>
/// One write, as the audit log keeps it: who (a user, a tracker or "anonymous"), in which role, when, what was called,
/// how it ended and on which object. Never a request body: passwords and keys stay out by construction.
/// </summary>
/// <param name="Actor">User name, tracker id, or "anonymous" / "unverified-tracker" when the caller was not recognised.</param>
/// <param name="ActorKind">"user", "tracker" or "anonymous".</param>
/// <param name="Role">The user's role, "tracker" for a tracker, null when unknown.</param>
/// <param name="ObjectId">The object written (from the route, the Location of a 201, or what the handler named).</param>
/// <param name="Requests">1, or for a telemetry summary how many batches the line stands for.</param>
/// <param name="Readings">Telemetry summaries only: readings accepted in those batches.</param>
public sealed record AuditEntry(
    DateTimeOffset At, string Actor, string ActorKind, string? Role, string Method, string Path, int Status,
    string? ObjectId, string? Summary, int Requests = 1, long? Readings = null);

/// <summary>GET /api/audit.</summary>
public sealed record AuditPage(DateTimeOffset? From, DateTimeOffset? To, string? User, int Limit, AuditEntry[] Items);
