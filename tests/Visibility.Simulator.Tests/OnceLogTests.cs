using Microsoft.Extensions.Logging;
using Visibility.Simulator;

namespace Visibility.Simulator.Tests;

public class OnceLogTests
{
    private sealed class ManualTime(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now = start;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class Collecting : ILogger
    {
        public List<(LogLevel Level, string Text)> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel level, EventId id, TState state, Exception? e, Func<TState, Exception?, string> format) =>
            Lines.Add((level, format(state, e)));
    }

    [Fact]
    public void A_recurring_problem_is_logged_once_and_re_armed_only_after_a_quiet_period()
    {
        var time = new ManualTime(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var logger = new Collecting();
        var once = new OnceLog(logger, time);

        Assert.True(once.Warn("http:503", "503 from {Op}", "post"));
        for (int i = 0; i < 100; i++)
        {
            time.Now += TimeSpan.FromSeconds(1);
            Assert.False(once.Warn("http:503", "503 from {Op}", "post"));
            once.Recovered("http:"); // sporadic successes in between do not re-arm it
        }
        Assert.Single(logger.Lines);
        Assert.Equal(LogLevel.Warning, logger.Lines[0].Level);
        Assert.Contains("503 from post", logger.Lines[0].Text);

        time.Now += OnceLog.QuietPeriod;
        once.Recovered("http:");
        Assert.Contains("101 occurrence(s)", logger.Lines[^1].Text);
        Assert.True(once.Warn("http:503", "503 from {Op}", "post")); // a new outage is news again
    }
}
