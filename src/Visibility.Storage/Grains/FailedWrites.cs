using Orleans;
using Orleans.Runtime;

namespace Visibility.Storage;

/// <summary>
/// A grain whose state write failed has already changed that state in memory; if it stayed active, its next caller would
/// be told about a change storage never got (a retried booking answered "exists", then lost in a crash). So a failed write
/// deactivates the calling grain: its next call starts from the last state storage holds.
/// </summary>
internal static class FailedWrites
{
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
