using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Visibility.Simulator;

namespace Visibility.Simulator.Tests;

/// <summary>The client against a scripted handler: what it sends and how it treats each answer.</summary>
public class VisibilityApiClientTests
{
    private sealed class ScriptedHandler(params Func<HttpRequestMessage, HttpResponseMessage>[] answers) : HttpMessageHandler
    {
        public List<(HttpMethod Method, string Path, string? Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            string? body = request.Content is null ? null : await request.Content.ReadAsStringAsync(ct);
            Requests.Add((request.Method, request.RequestUri!.PathAndQuery, body));
            return answers[Math.Min(Requests.Count - 1, answers.Length - 1)](request);
        }
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private static (VisibilityApiClient Client, SimulatorMetrics Metrics) Client(ScriptedHandler handler)
    {
        var meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
        var metrics = new SimulatorMetrics(meters);
        var http = new HttpClient(handler) { BaseAddress = new Uri("http://api.test/") };
        return (new VisibilityApiClient(http, NullLogger.Instance, metrics, 2), metrics);
    }

    private static readonly TelemetryReading OneReading =
        new("SIM-000001:1", "SIM-000001", new DateTime(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc), 31.2, 121.5, 17.2, 95.5, null, 70, 0.05, false, 97);

    [Fact]
    public async Task Telemetry_is_posted_as_camel_case_json_with_utc_timestamps_and_no_nulls()
    {
        var handler = new ScriptedHandler(_ => Json(HttpStatusCode.Accepted, """{"accepted":1,"duplicates":0}"""));
        var (client, metrics) = Client(handler);

        var outcome = await client.PostTelemetryAsync([OneReading], TestContext.Current.CancellationToken);

        Assert.Equal(TelemetryStatus.Accepted, outcome.Status);
        Assert.Equal(1, metrics.ReadingsSent);
        var (method, path, body) = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, method);
        Assert.Equal("/api/telemetry", path);
        Assert.StartsWith("[{\"messageId\":\"SIM-000001:1\",\"shipmentId\":\"SIM-000001\",\"timestamp\":\"2026-11-20T08:00:00Z\"", body);
        Assert.DoesNotContain("temperatureC", body);
    }

    [Fact]
    public async Task A_503_is_retried_and_then_succeeds()
    {
        var handler = new ScriptedHandler(
            _ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable),
            _ => Json(HttpStatusCode.Accepted, """{"accepted":1,"duplicates":0}"""));
        var (client, metrics) = Client(handler);

        var outcome = await client.PostTelemetryAsync([OneReading], TestContext.Current.CancellationToken);

        Assert.Equal(TelemetryStatus.Accepted, outcome.Status);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(1, metrics.Errors);
    }

    [Fact]
    public async Task A_400_is_not_retried_and_its_errors_are_returned()
    {
        var handler = new ScriptedHandler(_ => Json(HttpStatusCode.BadRequest,
            """{"title":"Invalid telemetry","status":400,"errors":{"[0].shipmentId":["unknown shipment"]}}"""));
        var (client, _) = Client(handler);

        var outcome = await client.PostTelemetryAsync([OneReading], TestContext.Current.CancellationToken);

        Assert.Equal(TelemetryStatus.Rejected, outcome.Status);
        Assert.Single(handler.Requests);
        Assert.Equal(["unknown shipment"], outcome.Problem!.Errors!["[0].shipmentId"]);
    }

    [Fact]
    public async Task Create_returns_the_view_on_201_and_already_exists_on_409()
    {
        var view = """{"id":"SIM-000001","mode":"ocean","origin":"CNSHA","destination":"USLAX","status":"in-transit","plannedDeparture":"2026-11-01T00:00:00Z","progressPct":40.5,"distanceKm":10700,"reefer":{"minC":2,"maxC":8}}""";
        var handler = new ScriptedHandler(
            _ => Json(HttpStatusCode.Created, view),
            _ => Json(HttpStatusCode.Conflict, """{"title":"exists","status":409}"""));
        var (client, _) = Client(handler);
        var request = new CreateShipmentRequest("SIM-000001", "PO-4711", "ocean", "CNSHA", "USLAX",
            new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), null, [new CargoDto("IC-MCU-32F4", 5000, "F-AUS")], new ReeferDto(2, 8));

        var created = await client.CreateShipmentAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(CreateStatus.Created, created.Status);
        Assert.Equal(40.5, created.Shipment!.ProgressPct);
        Assert.Equal(2, created.Shipment.Reefer!.MinC);
        Assert.False(created.Shipment.IsArrived);
        Assert.Contains("\"plannedDeparture\":\"2026-11-01T00:00:00Z\"", handler.Requests[0].Body);
        Assert.Contains("\"cargo\":[{\"partNumber\":\"IC-MCU-32F4\",\"quantity\":5000,\"factoryId\":\"F-AUS\"}]", handler.Requests[0].Body);
        Assert.DoesNotContain("plannedArrival", handler.Requests[0].Body);

        var again = await client.CreateShipmentAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(CreateStatus.AlreadyExists, again.Status);
    }

    [Fact]
    public async Task Unknown_locations_are_null_not_errors()
    {
        var handler = new ScriptedHandler(
            r => r.RequestUri!.AbsolutePath.EndsWith("CNSHA")
                ? Json(HttpStatusCode.OK, """{"locode":"CNSHA","name":"Shanghai","country":"CN","lat":31.2,"lon":121.5,"kinds":["port"]}""")
                : Json(HttpStatusCode.NotFound, """{"title":"not found","status":404}"""));
        var (client, metrics) = Client(handler);

        var shanghai = await client.GetLocationAsync("CNSHA", TestContext.Current.CancellationToken);
        var missing = await client.GetLocationAsync("CNPVG", TestContext.Current.CancellationToken);

        Assert.Equal(31.2, shanghai!.Lat);
        Assert.Null(missing);
        Assert.Equal(0, metrics.Errors);
        Assert.Equal("/api/locations/CNPVG", handler.Requests[1].Path);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, true)]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.Conflict, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    public void Which_answers_are_worth_retrying(HttpStatusCode status, bool transient) =>
        Assert.Equal(transient, VisibilityApiClient.IsTransient(status));
}
