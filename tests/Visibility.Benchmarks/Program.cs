using Visibility.Benchmarks;

// Runnable benchmark of the Visibility host; prints its figures (see README.md). Exit code 0 unless the run broke.
BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (UsageException ex)
{
    if (ex.Message.Length > 0) Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return ex.Message.Length > 0 ? 2 : 0;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true; // stop cleanly: the host and Azurite we started must not outlive us
    cancel.Cancel();
};

try
{
    await new BenchmarkRun(options).RunAsync(cancel.Token);
    return 0;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("cancelled");
    return 130;
}
catch (Exception ex)
{
    Console.Error.WriteLine($"The benchmark run broke: {ex}");
    return 1;
}
