using Visibility.Domain.Sourcing;
using Visibility.Host.ReferenceData;

namespace Visibility.Host.Sourcing;

/// <summary>The sourcing area: the export-concentration table (the labelled sample unless configured), sea lead times, the what-if.</summary>
public static class SourcingSetup
{
    public static IServiceCollection AddVisibilitySourcing(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(sp =>
        {
            var logger = sp.GetRequiredService<ILogger<ExportConcentrationTable>>();
            var path = configuration["Sourcing:ExportConcentrationPath"] is { Length: > 0 } p ? Path.GetFullPath(p, environment.ContentRootPath)
                : Path.Combine(AppContext.BaseDirectory, "Sourcing", "sample-export-concentration.csv");
            double quantile = configuration.GetValue("Sourcing:HighCentralityQuantile", 0.75);
            var (table, report) = ExportConcentrationTable.Import(path, quantile);
            ReferenceDataSetup.Log(logger, report, TimeSpan.Zero);
            if (path.EndsWith("sample-export-concentration.csv", StringComparison.Ordinal))
                logger.LogInformation("Sourcing: export concentration from the bundled SAMPLE table (illustrative values, labelled as such)");
            return table;
        });
        services.AddSingleton<SeaLeadTimes>();
        services.AddSingleton<RebalanceService>();
        return services;
    }
}
