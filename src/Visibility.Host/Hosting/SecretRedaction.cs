using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace Visibility.Host.Hosting;

/// <summary>
/// The last Serilog enricher: rewrites every string a log event carries so that no bearer token, SignalR
/// <c>access_token</c> query value, tracker key or password reaches a sink, whichever logger wrote it (ASP.NET Core's
/// "Request starting … ?access_token=…" at Information, a handler, a library). Properties named like a secret are
/// dropped to "[redacted]" whatever they hold. Exception texts are not rewritten: none of ours carries a secret.
/// </summary>
public sealed partial class SecretRedaction : ILogEventEnricher
{
    public const string Mask = "[redacted]";

    private static readonly string[] SecretNames = ["authorization", "password", "access_token", "accesstoken", "x-device-key", "devicekey", "secret"];

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<LogEventProperty>? changed = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            var clean = IsSecretName(name) ? new ScalarValue(Mask) : Clean(value);
            if (!ReferenceEquals(clean, value)) (changed ??= []).Add(new LogEventProperty(name, clean));
        }
        if (changed != null)
            foreach (var property in changed) logEvent.AddOrUpdateProperty(property);
    }

    /// <summary>The text with every secret in it masked (also used where we build log text ourselves).</summary>
    public static string Redact(string text)
    {
        if (text.Length < 8) return text;
        text = QueryToken().Replace(text, m => m.Groups[1].Value + Mask);
        text = BearerToken().Replace(text, "Bearer " + Mask);
        text = Jwt().Replace(text, Mask);
        text = DeviceKey().Replace(text, m => m.Groups[1].Value + Mask);
        text = JsonPassword().Replace(text, m => m.Groups[1].Value + "\"" + Mask + "\"");
        return text;
    }

    private static bool IsSecretName(string name)
    {
        foreach (var secret in SecretNames)
            if (name.Equals(secret, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static LogEventPropertyValue Clean(LogEventPropertyValue value)
    {
        switch (value)
        {
            case ScalarValue { Value: string s }:
                var redacted = Redact(s);
                return ReferenceEquals(redacted, s) || redacted == s ? value : new ScalarValue(redacted);
            case SequenceValue sequence:
            {
                var items = sequence.Elements.Select(Clean).ToArray();
                return items.Where((item, i) => !ReferenceEquals(item, sequence.Elements[i])).Any() ? new SequenceValue(items) : value;
            }
            case StructureValue structure:
            {
                var props = structure.Properties
                    .Select(p => IsSecretName(p.Name) ? new LogEventProperty(p.Name, new ScalarValue(Mask)) : new LogEventProperty(p.Name, Clean(p.Value)))
                    .ToArray();
                return props.Where((p, i) => !ReferenceEquals(p.Value, structure.Properties[i].Value)).Any() ? new StructureValue(props, structure.TypeTag) : value;
            }
            case DictionaryValue dictionary:
            {
                var entries = dictionary.Elements
                    .Select(kv => new KeyValuePair<ScalarValue, LogEventPropertyValue>(kv.Key,
                        kv.Key.Value is string k && IsSecretName(k) ? new ScalarValue(Mask) : Clean(kv.Value)))
                    .ToArray();
                return entries.Where(kv => !ReferenceEquals(kv.Value, dictionary.Elements[kv.Key])).Any() ? new DictionaryValue(entries) : value;
            }
            default:
                return value;
        }
    }

    // ?access_token=… / &access_token=… (SignalR puts the bearer token in the query string of WebSocket requests).
    [GeneratedRegex(@"((?:access_token|password)=)[^&\s""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QueryToken();

    [GeneratedRegex(@"Bearer\s+[A-Za-z0-9\-_.~+/=]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BearerToken();

    // A JWT: three base64url parts, the first one a JSON header ("eyJ").
    [GeneratedRegex(@"eyJ[A-Za-z0-9\-_]{4,}\.[A-Za-z0-9\-_]{4,}\.[A-Za-z0-9\-_]*", RegexOptions.CultureInvariant)]
    private static partial Regex Jwt();

    // A tracker key "vsk.{deviceId}.{secret}": the device id may stay, the secret goes.
    [GeneratedRegex(@"(vsk\.[^\s.""']+\.)[A-Za-z0-9\-_]{16,}", RegexOptions.CultureInvariant)]
    private static partial Regex DeviceKey();

    [GeneratedRegex(@"(""password""\s*:\s*)""(?:[^""\\]|\\.)*""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JsonPassword();
}
