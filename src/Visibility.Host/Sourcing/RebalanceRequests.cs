using Visibility.Domain.Sourcing;
using Visibility.Domain.Validation;
using static Visibility.Host.Sourcing.CountryMessages;

namespace Visibility.Host.Sourcing;

/// <summary>POST /api/scenarios/rebalance: a part (in one factory or all that use it) or a whole factory, and the moves.</summary>
public sealed record RebalanceRequest(string? PartNumber, string? FactoryId, MoveRequest[]? Moves, DateOnly? Date)
{
    public const int MaxMoves = 20;

    public ShareMove[]? Validate(ValidationErrors errors)
    {
        string why;
        if (PartNumber == null && FactoryId == null) errors.Add("partNumber", "give a partNumber, a factoryId, or both");
        if (PartNumber != null && !TextRules.IsValidId(PartNumber, 64, out why)) errors.Add("partNumber", why);
        if (FactoryId != null && !TextRules.IsValidId(FactoryId, 64, out why)) errors.Add("factoryId", why);
        var moves = Moves ?? [];
        if (moves.Length == 0) errors.Add("moves", "at least one move is required");
        if (moves.Length > MaxMoves) errors.Add("moves", $"at most {MaxMoves} moves");
        var result = new List<ShareMove>();
        for (int i = 0; i < Math.Min(moves.Length, MaxMoves); i++)
        {
            var m = moves[i];
            string at = $"moves[{i}]";
            if (m == null) { errors.Add(at, "must be an object"); continue; }
            if (m.FromCountry == null || !GatewayPorts.IsKnown(m.FromCountry)) errors.Add($"{at}.fromCountry", UnknownCountry(m.FromCountry));
            if (m.ToCountry == null || !GatewayPorts.IsKnown(m.ToCountry)) errors.Add($"{at}.toCountry", UnknownCountry(m.ToCountry));
            if (m.SharePct is not { } pct || !double.IsFinite(pct) || pct <= 0 || pct > 100) errors.Add($"{at}.sharePct", "must be above 0 and at most 100");
            if (m.FromCountry != null && m.FromCountry == m.ToCountry) errors.Add($"{at}.toCountry", "must differ from fromCountry");
            if (errors.IsEmpty) result.Add(new ShareMove(m.FromCountry!.ToUpperInvariant(), m.ToCountry!.ToUpperInvariant(), m.SharePct!.Value));
        }
        if (Date is { } d && (d.Year < 2017 || d.Year > 2100)) errors.Add("date", "must be between 2017 and 2100");
        return errors.IsEmpty ? [.. result] : null;
    }
}

internal static class CountryMessages
{
    /// <summary>The message for a country that is not known; a value that is not even a code is not echoed back.</summary>
    public static string UnknownCountry(string? code) =>
        code == null ? "is required" : code.Length == 2 && code.All(char.IsAsciiLetter) ? $"unknown country '{code}'" : "must be an ISO 3166 alpha-2 code";
}

public sealed record MoveRequest(string? FromCountry, string? ToCountry, double? SharePct);

/// <summary>PUT /api/factories/{id}/parts/{part}/sourcing.</summary>
public sealed record SourcingRequest(CountryShareRequest[]? Shares, double? UnitValueUsd, string? Hts8)
{
    /// <summary>The HTS8 line as 8 digits, when given and valid.</summary>
    public string? Hts8Digits => Visibility.Domain.Tariffs.HtsCode.TryNormalise(Hts8, out var d) && d.Length == 8 ? d : null;

    public Dictionary<string, double>? Validate(ValidationErrors errors)
    {
        if (Hts8 != null && Hts8Digits == null) errors.Add("hts8", "must be an 8-digit HTS line such as 8542.31.00");
        if (UnitValueUsd is { } v && (!double.IsFinite(v) || v < 0 || v > 1e9)) errors.Add("unitValueUsd", "must be between 0 and 1,000,000,000");
        if (Shares == null) return null;
        var shares = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int i = 0; i < Shares.Length; i++)
        {
            var s = Shares[i];
            string at = $"shares[{i}]";
            if (s == null) { errors.Add(at, "must be an object"); continue; }
            if (s.Country == null || !GatewayPorts.IsKnown(s.Country)) errors.Add($"{at}.country", UnknownCountry(s.Country));
            else if (shares.ContainsKey(s.Country.ToUpperInvariant())) errors.Add($"{at}.country", "appears twice");
            if (s.SharePct is not { } pct || !double.IsFinite(pct) || pct <= 0 || pct > 100) errors.Add($"{at}.sharePct", "must be above 0 and at most 100");
            if (errors.IsEmpty) shares[s.Country!.ToUpperInvariant()] = s.SharePct!.Value;
        }
        if (errors.IsEmpty && Shares.Length > 0 && Math.Abs(shares.Values.Sum() - 100) > 0.01)
            errors.Add("shares", $"must add up to 100 % (they add up to {shares.Values.Sum():0.##} %)");
        return errors.IsEmpty && shares.Count > 0 ? shares : null;
    }
}

public sealed record CountryShareRequest(string? Country, double? SharePct);

public sealed record SaveScenarioRequest(string? Name, RebalanceRequest? Request);
