namespace Visibility.Host.Audit;

/// <summary>
/// What a handler adds to its audit line: the object it wrote when the route does not name it, a short summary, and for
/// callers that are not signed-in users (sign-in, trackers) who they are. Kept in HttpContext.Items.
/// </summary>
public sealed class AuditNote
{
    private static readonly object Key = new();

    public string? ObjectId { get; set; }
    public string? Summary { get; set; }
    public string? Actor { get; set; }
    public string? ActorKind { get; set; }
    public string? Role { get; set; }
    public int Readings { get; set; }

    public static AuditNote For(HttpContext context)
    {
        if (context.Items.TryGetValue(Key, out var note)) return (AuditNote)note!;
        var created = new AuditNote();
        context.Items[Key] = created;
        return created;
    }

    public static AuditNote? Find(HttpContext context) => context.Items.TryGetValue(Key, out var note) ? (AuditNote)note! : null;
}

public static class AuditNoteExtensions
{
    /// <summary>Names the object a write created or changed, and what happened, for the audit log.</summary>
    public static void Audit(this HttpContext context, string? objectId, string? summary = null)
    {
        var note = AuditNote.For(context);
        if (objectId != null) note.ObjectId = objectId;
        if (summary != null) note.Summary = summary;
    }
}
