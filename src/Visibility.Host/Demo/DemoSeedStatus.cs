namespace Visibility.Host.Demo;

/// <summary>Completes once the demo network is seeded (or seeding is off, or failed): what the built-in simulator waits for.</summary>
public sealed class DemoSeedStatus
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Done => _done.Task;

    public void MarkDone() => _done.TrySetResult();
}
