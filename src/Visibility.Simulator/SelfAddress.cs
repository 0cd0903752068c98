namespace Visibility.Simulator;

/// <summary>Turns the host's listening addresses into one URL the simulator can call itself on.</summary>
public static class SelfAddress
{
    /// <summary>
    /// Prefers plain http (no certificate to trust for a loopback call), and replaces wildcard hosts
    /// ("0.0.0.0", "[::]", "+", "*") by a loopback name, since one cannot connect to a wildcard.
    /// </summary>
    public static Uri? Pick(IEnumerable<string> addresses)
    {
        var candidates = addresses
            .Select(Normalize)
            .Where(u => u is not null)
            .Select(u => u!)
            .ToList();
        return candidates.FirstOrDefault(u => u.Scheme == Uri.UriSchemeHttp) ?? candidates.FirstOrDefault();
    }

    private static Uri? Normalize(string address)
    {
        // Uri cannot parse "http://+:80" or "http://*:80"; swap the wildcard before parsing.
        string text = address.Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)) return null;
        string host = uri.Host switch
        {
            "0.0.0.0" => "127.0.0.1",
            "[::]" or "::" => "localhost",
            _ => uri.Host,
        };
        return new UriBuilder(uri) { Host = host, Path = "/" }.Uri;
    }
}
