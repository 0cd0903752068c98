using System.Text.Json.Serialization;

namespace Visibility.Host.Apis;

public static class ApiSetup
{
    /// <summary>Problem details for every error, strict JSON, the OpenAPI document and the sea-lane cache.</summary>
    public static IServiceCollection AddVisibilityApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        services.AddOpenApi();
        services.AddSingleton<SeaLanesDocument>();
        return services;
    }
}
