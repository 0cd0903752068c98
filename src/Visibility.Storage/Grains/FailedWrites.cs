using Orleans;
using Orleans.Runtime;

namespace Visibility.Storage;

/// <summary>
/// A grain whose state write failed has already changed that state in memory; if it stayed active, its next caller could
/// be told about a change storage never got (a retried booking answered "exists", then lost in a crash). So a failed write
/// deactivates the calling grain: its next call starts from the last state storage holds.
/// </summary>
/// <remarks>
/// Not for state that is legitimately ahead of storage: a shipment holds readings that are durable in the ingest log and
/// only later written to its state by a checkpoint; dropping that memory on a failed checkpoint write would lose them
/// once the log is truncated. The packed shipment storage therefore deactivates only when a grain's first write (its
/// creation) fails (<see cref="DeactivateCallerOnFailedCreate"/>); a failed update stays in memory, dirty, and the next
/// checkpoint writes it.
/// </remarks>
internal static class FailedWrites
{
    public static Task DeactivateCallerOnFailedCreate(Task write, GrainId grainId, bool existed, IGrainContextAccessor? grains) =>
        existed ? write : DeactivateCallerOnFailure(write, grainId, grains);

    public static async Task DeactivateCallerOnFailure(Task write, GrainId grainId, IGrainContextAccessor? grains)
    {
        try
        {
            await write;
        }
        catch (Exception ex)
        {
            if (grains?.GrainContext is { } grain && grain.GrainId == grainId)
                grain.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, ex, "its state write failed; the next call reloads it"));
            throw;
        }
    }
}
