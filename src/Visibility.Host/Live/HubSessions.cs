using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Visibility.Host.Auth;

namespace Visibility.Host.Live;

/// <summary>
/// Hub connections end with their session. A connection is opened with a token that was good at the time; afterwards
/// its user may be disabled, change role or supplier, or the token may expire, and none of that reaches an open
/// WebSocket by itself. So every call is checked (<see cref="HubSessionFilter"/>), and this silo re-checks all of its
/// open connections every Auth:HubSessionCheckSeconds (1 s) against the user records (<see cref="UserRecordCheck"/>,
/// the user grains: the same answer on every silo, whichever silo disabled the user) and ends those refused: within
/// the check interval plus the record cache time (≈ 3 s) of a change made anywhere in the cluster.
/// </summary>
public sealed class HubSessions(UserRecordCheck check, AuthOptions options, ILogger<HubSessions> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _open = new(StringComparer.Ordinal);

    public void Opened(HubCallerContext connection) => _open[connection.ConnectionId] = connection;

    public void Closed(string connectionId) => _open.TryRemove(connectionId, out _);

    public void End(HubCallerContext connection, string reason)
    {
        _open.TryRemove(connection.ConnectionId, out _);
        logger.LogInformation("Ended hub connection {ConnectionId} of {User}: {Reason}", connection.ConnectionId, connection.UserIdentifier ?? connection.User?.Identity?.Name, reason);
        connection.Abort();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(0.1, options.HubSessionCheckSeconds)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var connection in _open.Values)
            {
                try
                {
                    if (await check.RefuseAsync(connection.User!) is { } reason) End(connection, reason);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // The user record could not be read (the silo is struggling): keep the connection and ask again on the
                    // next round rather than end every session on a blip. HTTP requests fail closed meanwhile (500).
                    logger.LogWarning(ex, "Could not re-check hub connection {ConnectionId}", connection.ConnectionId);
                }
            }
        }
    }
}

/// <summary>Checks the caller's session when a hub connection opens and before every hub method it calls.</summary>
public sealed class HubSessionFilter(UserRecordCheck check, HubSessions sessions) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (await check.RefuseAsync(invocation.Context.User!) is { } reason)
        {
            sessions.End(invocation.Context, reason);
            throw new HubException("the session has ended: " + reason);
        }
        return await next(invocation);
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        // The negotiate and upgrade requests were already checked; this covers a change in between.
        if (await check.RefuseAsync(context.Context.User!) is { } reason)
        {
            sessions.End(context.Context, reason);
            return;
        }
        sessions.Opened(context.Context);
        await next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        sessions.Closed(context.Context.ConnectionId);
        return next(context, exception);
    }
}
