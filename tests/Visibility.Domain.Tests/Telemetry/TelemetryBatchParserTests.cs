using System.Text;
using Visibility.Domain.Telemetry;

namespace Visibility.Domain.Tests.Telemetry;

public class TelemetryBatchParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private static TelemetryBatchParser.Result Parse(string json, params string[] known) =>
        TelemetryBatchParser.Parse(Encoding.UTF8.GetBytes(json), id => known.Length == 0 || known.Contains(id), Now);

    private static string[] Fields(TelemetryBatchParser.Result r) => r.Errors.ToDictionary().Keys.ToArray();

    private const string Good = """{"messageId":"m1","shipmentId":"S1","timestamp":"2026-11-22T11:59:00Z","lat":31.2,"lon":121.5}""";

    [Fact]
    public void Parses_required_and_optional_fields()
    {
        var r = Parse("""[{"messageId":"m1","shipmentId":"S1","timestamp":"2026-11-22T11:59:00+01:00","lat":-33.9,"lon":18.4,"speedKnots":17.5,"headingDeg":270,"temperatureC":-18.2,"humidityPct":40,"shockG":0.3,"doorOpen":false,"batteryPct":88}]""");
        Assert.True(r.IsValid);
        var reading = Assert.Single(r.Readings);
        Assert.Equal("S1", reading.ShipmentId);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 10, 59, 0, TimeSpan.Zero), reading.Reading.Timestamp);
        Assert.Equal(-18.2, reading.Reading.TemperatureC);
        Assert.False(reading.Reading.DoorOpen);
    }

    [Fact]
    public void Null_optional_fields_are_absent_values()
    {
        var r = Parse("""[{"messageId":"m1","shipmentId":"S1","timestamp":"2026-11-22T11:59:00Z","lat":1,"lon":2,"temperatureC":null,"doorOpen":null}]""");
        Assert.True(r.IsValid);
        Assert.Null(r.Readings[0].Reading.TemperatureC);
    }

    [Theory]
    [InlineData("""{"messageId":"m1","shipmentId":"S1","timestamp":"2026-11-22T11:59:00Z","lat":90.0001,"lon":0}""", "[0].lat")]
    [InlineData("""{"messageId":"m1","shipmentId":"S1","timestamp":"2026-11-22T11:59:00Z","lat":0,"lon":-180.5}""", "[0].lon")]
    [InlineData("""{"messageId":"m1","shipmentId":"S1","timestamp":"2026-11-22T11:59:00Z","lat":null,"lon":0}""", "[0].lat")]
    [InlineData("""{"messageId":"m1","shipmentId":"S1","timestamp":"2026-11-22T11:59:00Z","lon":0}""", "[0].lat")]
    [InlineData("""{"messageId":"","shipmentId":"S1","timestamp":"2026-11-22T11:59:00Z","lat":0,"lon":0}""", "[0].messageId")]
    [InlineData("""{"messageId":"m\u0007","shipmentId":"S1","timestamp":"2026-11-22T11:59:00Z","lat":0,"lon":0}""", "[0].messageId")]
    [InlineData("""{"messageId":5,"shipmentId":"S1","timestamp":"2026-11-22T11:59:00Z","lat":0,"lon":0}""", "[0].messageId")]
    [InlineData("""{"messageId":"m1","shipmentId":"S1","timestamp":"2026-11-22T11:59:00","lat":0,"lon":0}""", "[0].timestamp")]
    [InlineData("""{"messageId":"m1","shipmentId":"S1","timestamp":"yesterday","lat":0,"lon":0}""", "[0].timestamp")]
    [InlineData("""{"messageId":"m1","shipmentId":"S1","timestamp":"2026-11-22T12:10:00Z","lat":0,"lon":0}""", "[0].timestamp")]
    [InlineData("""{"messageId":"m1","shipmentId":"S1","timestamp":"2026-11-22T11:59:00Z","lat":0,"lon":0,"doorOpen":"yes"}""", "[0].doorOpen")]
    [InlineData("""{"messageId":"m1","shipmentId":"S1","timestamp":"2026-11-22T11:59:00Z","lat":0,"lon":0,"extra":1}""", "[0].extra")]
    [InlineData("""{"messageId":"m1","shipmentId":"S1","timestamp":"2026-11-22T11:59:00Z","lat":0,"lat":1,"lon":0}""", "[0].lat")]
    [InlineData("""{"messageId":"m1","shipmentId":"S1","timestamp":"2026-11-22T11:59:00Z","lat":1e400,"lon":0}""", "[0].lat")]
    [InlineData("""{"messageId":"m1","shipmentId":"S1","timestamp":"2026-11-22T11:59:00Z","lat":0,"lon":0,"headingDeg":-1}""", "[0].headingDeg")]
    public void A_bad_field_is_named_and_the_whole_batch_refused(string bad, string field)
    {
        var r = Parse($"[{Good},{bad.Replace("[0]", "")}]");
        Assert.False(r.IsValid);
        Assert.Empty(r.Readings);
        Assert.Contains(field.Replace("[0]", "[1]"), Fields(r));
        Assert.DoesNotContain(Fields(r), f => f.StartsWith("[0]"));
    }

    [Fact]
    public void Unknown_shipment_is_named()
    {
        var r = Parse($"[{Good}]", "OTHER");
        Assert.Equal(["[0].shipmentId"], Fields(r));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("[1]")]
    [InlineData("[{\"messageId\":\"m1\"")]
    [InlineData("[{}] trailing")]
    public void Malformed_or_empty_bodies_are_refused(string json)
    {
        var r = Parse(json);
        Assert.False(r.IsValid);
        Assert.Empty(r.Readings);
    }

    [Fact]
    public void More_than_the_maximum_readings_are_refused()
    {
        var body = "[" + string.Join(",", Enumerable.Repeat(Good, TelemetryBatchParser.MaxReadings + 1)) + "]";
        var r = Parse(body);
        Assert.False(r.IsValid);
        Assert.Contains("$", Fields(r));
        Assert.True(Parse("[" + string.Join(",", Enumerable.Repeat(Good, TelemetryBatchParser.MaxReadings)) + "]").IsValid);
    }

    [Fact]
    public void Error_lists_are_bounded_for_garbage_batches()
    {
        var bad = """{"messageId":"","shipmentId":"","timestamp":"x","lat":"a","lon":"b"}""";
        var r = Parse("[" + string.Join(",", Enumerable.Repeat(bad, 500)) + "]");
        var errors = r.Errors.ToDictionary();
        Assert.True(errors.Values.Sum(v => v.Length) <= Validation.ValidationErrors.MaxMessages + 1);
        Assert.Contains("$more", errors.Keys);
    }
}
