using Azure;

namespace Visibility.Storage;

/// <summary>Classifies blob service failures, including the places where Azurite answers differently from Azure.</summary>
internal static class BlobErrors
{
    /// <summary>The blob is not there. Azurite answers 412 to a conditional read of a missing blob (Azurite #2751).</summary>
    public static bool IsMissing(RequestFailedException ex, bool requestWasConditional = false) =>
        ex.Status == 404 || (requestWasConditional && ex.Status == 412 && ex.ErrorCode != "AppendPositionConditionNotMet");

    /// <summary>
    /// A conditional write lost a race: 412 (ETag condition failed), 409 (create over an existing blob), or 404 (the blob we
    /// meant to update was deleted underneath us).
    /// </summary>
    public static bool IsConditionFailed(RequestFailedException ex) => ex.Status is 412 or 409 or 404;
}
