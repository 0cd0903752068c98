namespace Visibility.Storage;

/// <summary>The well-known Azurite/emulator account. Its key is public by design (documented by Microsoft), not a secret.</summary>
public static class DevelopmentStorageAccount
{
    public const string Name = "devstoreaccount1";

    public const string Key =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>A connection string for an Azurite blob endpoint on 127.0.0.1:<paramref name="blobPort"/>.</summary>
    public static string ConnectionString(int blobPort) =>
        $"DefaultEndpointsProtocol=http;AccountName={Name};AccountKey={Key};BlobEndpoint=http://127.0.0.1:{blobPort}/{Name};";
}
