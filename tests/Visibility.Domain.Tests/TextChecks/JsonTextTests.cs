using System.Text;
using Visibility.Domain.Disruptions;
using Visibility.Domain.Telemetry;
using Visibility.Domain.Validation;

namespace Visibility.Domain.Tests.TextChecks;

public class JsonTextTests
{
    /// <summary>The JSON with "§" replaced by raw bytes (e.g. 0xC3 0x28, which is not UTF-8).</summary>
    private static byte[] With(string json, params byte[] raw)
    {
        int at = json.IndexOf('§');
        return [.. Encoding.UTF8.GetBytes(json[..at]), .. raw, .. Encoding.UTF8.GetBytes(json[(at + 1)..])];
    }

    [Theory]
    [InlineData("""{"a":"plain","b":["x",{"c":"Łódź 東京 🚢"}],"d":1}""")]
    [InlineData("""{"pair":"\ud83d\udea2","escaped":"a\u0007b\n\"q\"","\u00e9":"name escaped"}""")]
    [InlineData("""["\uD800\uDC00", "\uDBFF\uDFFF"]""")]
    public void Text_is_text(string json) => Assert.Null(JsonText.Check(Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData("""{"a":"x\ud800"}""", "$.a")]                       // lone high surrogate at the end
    [InlineData("""{"a":"\ud800x"}""", "$.a")]                       // high surrogate not followed by a low one
    [InlineData("""{"a":"\ud800\ud800"}""", "$.a")]                  // two highs
    [InlineData("""{"a":"\udc00"}""", "$.a")]                        // lone low surrogate
    [InlineData("""{"a":1,"b":[{"c":"ok"},{"c":"\uDFFF"}]}""", "$.b[1].c")]
    [InlineData("""[{"m":"ok"},{"m":"ok"},{"m":"\ud800"}]""", "$[2].m")]
    [InlineData("""[[1,2],["\ud800"]]""", "$[1][0]")]
    [InlineData("\"\\udc00\"", "$")]
    public void An_unpaired_surrogate_escape_is_named_by_its_path(string json, string path)
    {
        var problem = JsonText.Check(Encoding.UTF8.GetBytes(json));
        Assert.NotNull(problem);
        Assert.Equal(path, problem.Path);
        Assert.Equal(JsonText.NotText, problem.Reason);
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })]          // a lead byte followed by ASCII
    [InlineData(new byte[] { 0xFF })]                // never valid
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]    // a surrogate encoded as UTF-8 (CESU)
    [InlineData(new byte[] { 0xC0, 0xAF })]          // overlong "/"
    [InlineData(new byte[] { 0xE2, 0x82 })]          // truncated sequence
    public void Invalid_utf8_in_a_value_or_a_name_is_named(byte[] raw)
    {
        var value = JsonText.Check(With("""{"cargo":[{"note":"ok"},{"note":"a§b"}]}""", raw));
        Assert.Equal("$.cargo[1].note", value?.Path);
        Assert.Equal(JsonText.NotText, value?.Reason);

        var escapedValue = JsonText.Check(With("""{"a":{"b":"\n§"}}""", raw));   // escaped string: the bytes between escapes count too
        Assert.Equal("$.a.b", escapedValue?.Path);

        var name = JsonText.Check(With("""{"ok":1,"x":{"first":1,"na§me":2}}""", raw));
        Assert.NotNull(name);
        Assert.StartsWith("$.x.na", name.Path);
        Assert.DoesNotContain("first", name.Path);
        Assert.Equal(JsonText.NameNotText, name.Reason);
    }

    [Fact]
    public void A_lone_surrogate_in_a_property_name_is_named_as_written()
    {
        var problem = JsonText.Check(Encoding.UTF8.GetBytes("""{"a":{"b\udc00c":1}}"""));
        Assert.Equal("$.a.b\\udc00c", problem?.Path);
        Assert.Equal(JsonText.NameNotText, problem?.Reason);
    }

    [Fact]
    public void Malformed_json_is_left_to_the_body_parser() =>
        Assert.Null(JsonText.Check(Encoding.UTF8.GetBytes("""{"a":"ok",""")));

    [Fact]
    public void Telemetry_parser_names_the_field_instead_of_throwing()
    {
        const string item = """[{"messageId":"§","shipmentId":"S1","timestamp":"2026-11-22T11:59:00Z","lat":1,"lon":2}]""";
        foreach (var body in new[] { With(item, 0xC3, 0x28), With(item, 0xFF), Encoding.UTF8.GetBytes(item.Replace("§", "\\ud800")) })
        {
            var r = TelemetryBatchParser.Parse(body, _ => true, null);
            Assert.False(r.IsValid);
            Assert.Contains("[0].messageId", r.Errors.ToDictionary().Keys);
        }
        var timestamp = TelemetryBatchParser.Parse(Encoding.UTF8.GetBytes(
            """[{"messageId":"m","shipmentId":"S1","timestamp":"2026-11-22T11:59:00Z\udc00","lat":1,"lon":2}]"""), _ => true, null);
        Assert.Contains("[0].timestamp", timestamp.Errors.ToDictionary().Keys);
        var name = TelemetryBatchParser.Parse(With("""[{"messageId":"m","shipmentId":"S1","timestamp":"2026-11-22T11:59:00Z","lat":1,"lon":2,"x§":1}]""", 0xFF), _ => true, null);
        Assert.False(name.IsValid);
        Assert.Contains(JsonText.NameNotText, name.Errors.ToDictionary().Values.SelectMany(v => v));
    }

    [Fact]
    public void Usgs_feed_names_the_member_instead_of_throwing()
    {
        var feed = UsgsFeed.Parse(Encoding.UTF8.GetBytes("""{"type":"FeatureCollection","features":[{"id":"us1\ud800","properties":{"mag":7}}]}"""));
        Assert.Equal("$.features[0].id", feed.ErrorField);
        Assert.Empty(feed.Items);
    }
}
