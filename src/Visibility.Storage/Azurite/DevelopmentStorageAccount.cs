namespace Visibility.Storage;

/// <summary>
/// The emulator account Azurite serves. Its well-known key is public by design (documented by Microsoft): fine for a
/// throwaway test instance, never for data that matters, so the embedded default generates its own key
/// (<see cref="AccountKeyFile"/>).
/// </summary>
public static class DevelopmentStorageAccount
{
    public const string Name = "devstoreaccount1";

    /// <summary>The public emulator key.</summary>
    public const string Key =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>A connection string for an Azurite blob endpoint on 127.0.0.1:<paramref name="blobPort"/>.</summary>
    public static string ConnectionString(int blobPort, string? accountKey = null) =>
        $"DefaultEndpointsProtocol=http;AccountName={Name};AccountKey={accountKey ?? Key};BlobEndpoint=http://127.0.0.1:{blobPort}/{Name};";
}
