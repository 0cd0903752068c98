using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Visibility.Simulator;

// Standalone simulator: drives a running Visibility host over HTTP.
//   dotnet run --project src/Visibility.Simulator -- --url http://127.0.0.1:5080 --shipments 500
//   dotnet run --project src/Visibility.Simulator -- --url http://127.0.0.1:5080 --ais ../shared/data/ais-marinecadastre-20220103/AIS_2022_01_03_sample.csv
// Any setting also works as Simulator:Name / Simulator__Name (appsettings, environment).
var switches = new Dictionary<string, string>
{
    ["--url"] = "Simulator:BaseUrl",
    ["--shipments"] = "Simulator:Shipments",
    ["--interval"] = "Simulator:ReportIntervalSeconds",
    ["--time-scale"] = "Simulator:TimeScale",
    ["--batch-size"] = "Simulator:BatchSize",
    ["--seed"] = "Simulator:Seed",
    ["--reefer-share"] = "Simulator:ReeferShare",
    ["--ais"] = "Simulator:AisReplayPath",
    ["--id-prefix"] = "Simulator:IdPrefix",
    ["--concurrency"] = "Simulator:MaxConcurrentRequests",
    ["--username"] = "Simulator:Username",
    ["--password"] = "Simulator:Password",
    ["--device-id"] = "Simulator:DeviceId",
};

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine("Visibility traffic simulator (synthetic telemetry, or AIS replay with --ais)");
    Console.WriteLine("options: " + string.Join(" ", switches.Keys.Select(k => $"{k} <value>")));
    return 0;
}

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Simulator:Enabled"] = "true",
    ["Simulator:BaseUrl"] = "http://127.0.0.1:5080",
});
builder.Configuration.AddEnvironmentVariables();
builder.Configuration.AddCommandLine(args, switches);
builder.Services.AddVisibilitySimulator(builder.Configuration);

await builder.Build().RunAsync();
return 0;
