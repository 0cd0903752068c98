using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;

namespace Visibility.Simulator;

public enum CreateStatus { Created, AlreadyExists, Rejected, Failed }

public sealed record CreateOutcome(CreateStatus Status, ShipmentView? Shipment, ProblemDetailsDto? Problem);

public enum TelemetryStatus { Accepted, Rejected, Failed }

public sealed record TelemetryOutcome(TelemetryStatus Status, TelemetryAccepted? Result, ProblemDetailsDto? Problem);

/// <summary>
/// Typed client of the public Visibility API (contract.md). Every call goes through one polite send
/// loop: a bounded number of requests in flight, retries with jittered exponential backoff on network
/// errors, 401, 408, 429 and 5xx (honouring Retry-After), each kind of failure logged once.
/// </summary>
public sealed class VisibilityApiClient
{
    /// <summary>Attempts per call before giving up; the caller decides what a give-up means.</summary>
    public const int MaxAttempts = 6;

    private readonly HttpClient _http;
    private readonly SimulatorMetrics _metrics;
    private readonly OnceLog _once;
    private readonly SemaphoreSlim _inFlight;
    private readonly TimeProvider _time;
    private int _jitterCounter;

    public VisibilityApiClient(HttpClient http, ILogger logger, SimulatorMetrics metrics, int maxConcurrentRequests, TimeProvider? time = null)
    {
        if (http.BaseAddress is null) throw new ArgumentException("the HttpClient needs a BaseAddress", nameof(http));
        _http = http;
        _metrics = metrics;
        _time = time ?? TimeProvider.System;
        _once = new OnceLog(logger, _time);
        _inFlight = new SemaphoreSlim(maxConcurrentRequests, maxConcurrentRequests);
    }

    public Uri BaseAddress => _http.BaseAddress!;

    /// <summary>One probe of GET /health/live, no retries (the caller polls).</summary>
    public async Task<bool> IsLiveAsync(CancellationToken ct)
    {
        try
        {
            using var response = await _http.GetAsync("health/live", ct);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>GET /api/locations/{code}; null when the catalog does not know the code.</summary>
    public Task<LocationDto?> GetLocationAsync(string locode, CancellationToken ct) =>
        GetOrNullAsync<LocationDto>($"api/locations/{Uri.EscapeDataString(locode)}", "get-location", ct);

    /// <summary>GET /api/routes/sea; null when a code is unknown (404) or no sea route exists (422).</summary>
    public Task<RouteDto?> GetSeaRouteAsync(string from, string to, CancellationToken ct) =>
        GetOrNullAsync<RouteDto>($"api/routes/sea?from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}", "get-sea-route", ct);

    public Task<ShipmentView?> GetShipmentAsync(string id, CancellationToken ct) =>
        GetOrNullAsync<ShipmentView>($"api/shipments/{Uri.EscapeDataString(id)}", "get-shipment", ct);

    public Task<IReadOnlyList<SupplierDto>?> GetSuppliersAsync(CancellationToken ct) =>
        GetOrNullAsync<IReadOnlyList<SupplierDto>>("api/suppliers", "get-suppliers", ct);

    public Task<RouteDto?> GetShipmentRouteAsync(string id, CancellationToken ct) =>
        GetOrNullAsync<RouteDto>($"api/shipments/{Uri.EscapeDataString(id)}/route", "get-route", ct);

    /// <summary>POST /api/shipments. 409 (the id exists with another definition) is AlreadyExists, not an error.</summary>
    public async Task<CreateOutcome> CreateShipmentAsync(CreateShipmentRequest request, CancellationToken ct)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "api/shipments")
        {
            Content = JsonContent.Create(request, options: ApiJson.Options),
        }, "create-shipment", ct);
        if (response is null) return new CreateOutcome(CreateStatus.Failed, null, null);
        switch (response.StatusCode)
        {
            case HttpStatusCode.Created:
            case HttpStatusCode.OK:
                return new CreateOutcome(CreateStatus.Created, await ReadAsync<ShipmentView>(response, ct), null);
            case HttpStatusCode.Conflict:
                return new CreateOutcome(CreateStatus.AlreadyExists, null, await ReadProblemAsync(response, ct));
            default:
                var problem = await ReadProblemAsync(response, ct);
                _metrics.Error("create-rejected");
                _once.Warn($"create:{(int)response.StatusCode}", "Simulator: POST /api/shipments answered {Status}: {Problem}",
                    (int)response.StatusCode, Describe(problem));
                return new CreateOutcome(CreateStatus.Rejected, null, problem);
        }
    }

    /// <summary>POST /api/telemetry. A 400 means nothing was applied; its "errors" map says which items were wrong.</summary>
    public async Task<TelemetryOutcome> PostTelemetryAsync(IReadOnlyList<TelemetryReading> batch, CancellationToken ct)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "api/telemetry")
        {
            Content = JsonContent.Create(batch, options: ApiJson.Options),
        }, "post-telemetry", ct);
        if (response is null)
        {
            _metrics.Error("telemetry-dropped");
            return new TelemetryOutcome(TelemetryStatus.Failed, null, null);
        }
        if (response.IsSuccessStatusCode)
        {
            var result = await ReadAsync<TelemetryAccepted>(response, ct) ?? new TelemetryAccepted(batch.Count, 0);
            _metrics.BatchSent(result.Accepted, result.Duplicates);
            return new TelemetryOutcome(TelemetryStatus.Accepted, result, null);
        }
        var problem = await ReadProblemAsync(response, ct);
        _metrics.Error("telemetry-rejected");
        _once.Warn($"telemetry:{(int)response.StatusCode}", "Simulator: POST /api/telemetry answered {Status}: {Problem}",
            (int)response.StatusCode, Describe(problem));
        return new TelemetryOutcome(TelemetryStatus.Rejected, null, problem);
    }

    private async Task<T?> GetOrNullAsync<T>(string path, string operation, CancellationToken ct) where T : class
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, path), operation, ct);
        if (response is null) return null;
        if (response.IsSuccessStatusCode) return await ReadAsync<T>(response, ct);
        if (response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity))
        {
            _metrics.Error(operation);
            _once.Warn($"{operation}:{(int)response.StatusCode}", "Simulator: {Operation} answered {Status}", operation, (int)response.StatusCode);
        }
        return null;
    }

    /// <summary>
    /// Sends with retries. Returns the first non-transient response (success or a definite answer such as
    /// 400/404/409), or null after MaxAttempts transient failures. Cancellation propagates.
    /// </summary>
    private async Task<HttpResponseMessage?> SendAsync(Func<HttpRequestMessage> makeRequest, string operation, CancellationToken ct)
    {
        for (int attempt = 1; ; attempt++)
        {
            TimeSpan? retryAfter = null, minimum = null;
            string failure;
            await _inFlight.WaitAsync(ct);
            try
            {
                using var request = makeRequest();
                var response = await _http.SendAsync(request, ct);
                if (!IsTransient(response.StatusCode))
                {
                    _once.Recovered("http:");
                    return response;
                }
                retryAfter = RetryAfter(response);
                failure = $"http:{(int)response.StatusCode}";
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    // Nothing the simulator can fix by itself: say so loudly, once, and slow right down.
                    minimum = TimeSpan.FromSeconds(30);
                    _once.Error(failure, "Simulator: the API answered 401 Unauthorized to {Operation}; its credentials were refused (check --username/--password). Backing off.", operation);
                }
                else
                {
                    _once.Warn(failure, "Simulator: the API answered {Status} to {Operation}; retrying with backoff", (int)response.StatusCode, operation);
                }
                response.Dispose();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                failure = "http:unreachable";
                _once.Warn(failure, "Simulator: the API at {BaseAddress} is unreachable ({Error}); retrying with backoff", _http.BaseAddress, e.Message);
            }
            finally
            {
                _inFlight.Release();
            }

            _metrics.Error(failure);
            if (attempt >= MaxAttempts) return null;
            double jitter = DeterministicRandom.Unit((ulong)Interlocked.Increment(ref _jitterCounter) ^ (ulong)_time.GetTimestamp());
            await Task.Delay(Backoff.Delay(attempt, jitter, retryAfter, minimum), _time, ct);
        }
    }

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.Unauthorized or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        || (int)status >= 500;

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) return date - _time.GetUtcNow();
        return null;
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct) where T : class
    {
        try { return await response.Content.ReadFromJsonAsync<T>(ApiJson.Options, ct); }
        catch (System.Text.Json.JsonException) { return null; }
    }

    private static async Task<ProblemDetailsDto?> ReadProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try { return await response.Content.ReadFromJsonAsync<ProblemDetailsDto>(ApiJson.Options, ct); }
        catch (Exception e) when (e is System.Text.Json.JsonException or NotSupportedException or InvalidOperationException) { return null; }
    }

    public static string Describe(ProblemDetailsDto? problem)
    {
        if (problem is null) return "(no problem details)";
        string errors = problem.Errors is { Count: > 0 }
            ? " " + string.Join("; ", problem.Errors.Take(5).Select(kv => $"{kv.Key}: {string.Join(", ", kv.Value)}"))
            : "";
        return $"{problem.Title} {problem.Detail}{errors}".Trim();
    }
}
