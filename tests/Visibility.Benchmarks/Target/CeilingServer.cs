using System.Buffers;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Visibility.Domain.Telemetry;
using Visibility.Integration.Tests.Hosting;

namespace Visibility.Benchmarks.Target;

/// <summary>
/// The ceiling: a bare Kestrel endpoint in this process that reads a telemetry body and parses it with the host's own
/// <see cref="TelemetryBatchParser"/>, and does nothing else (no log append, no grains, no push). What the host
/// accepts per second can only approach this figure on the same machine.
/// </summary>
public sealed class CeilingServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    public Uri TelemetryUrl { get; }

    private CeilingServer(WebApplication app, Uri telemetryUrl)
    {
        _app = app;
        TelemetryUrl = telemetryUrl;
    }

    public static async Task<CeilingServer> StartAsync()
    {
        int port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapPost("/api/telemetry", HandleAsync);
        await app.StartAsync();
        return new CeilingServer(app, new Uri($"http://127.0.0.1:{port}/api/telemetry"));
    }

    /// <summary>Reads the body into a pooled buffer as the host does, parses it, answers 202 {"accepted":n,"duplicates":0}.</summary>
    private static async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is { } n and > 0 ? (int)n + 1 : 16 * 1024);
        int length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                int read = await request.Body.ReadAsync(buffer.AsMemory(length));
                if (read == 0) break;
                length += read;
            }
            var parsed = TelemetryBatchParser.Parse(buffer.AsSpan(0, length), _ => true, DateTimeOffset.UtcNow);
            context.Response.StatusCode = parsed.IsValid ? StatusCodes.Status202Accepted : StatusCodes.Status400BadRequest;
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(Answer(parsed.IsValid ? parsed.Readings.Count : 0));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] Answer(int accepted) => System.Text.Encoding.UTF8.GetBytes($"{{\"accepted\":{accepted},\"duplicates\":0}}");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
