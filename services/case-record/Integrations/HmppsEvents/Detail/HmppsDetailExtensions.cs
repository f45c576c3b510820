using Microsoft.Extensions.Options;

namespace PublicProtectionHub.CaseRecord.Integrations.HmppsEvents.Detail;

public static class HmppsDetailExtensions
{
    /// <summary>
    /// Fetching HMPPS events' detail (<see cref="HmppsDetailOptions"/>). The HTTP clients log nothing themselves:
    /// their request lines would carry the person's identifier in the path.
    /// </summary>
    public static void AddHmppsEventDetails(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HmppsDetailOptions>().BindConfiguration(HmppsDetailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpClient(HmppsApiToken.HttpClientName, ConfigureTimeout).RemoveAllLoggers();
        builder.Services.AddHttpClient<HmppsDetailClient>((services, http) =>
            {
                ConfigureTimeout(services, http);
                http.MaxResponseContentBufferSize = HmppsDetailClient.MaxDetailBytes;
            })
            // A redirect could lead off the allowed origins.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .RemoveAllLoggers();
        builder.Services.AddSingleton<HmppsApiToken>();
        builder.Services.AddScoped<HmppsEventDetails>();
        builder.Services.AddScoped<DetailNotFoundRecorder>();
    }

    private static void ConfigureTimeout(IServiceProvider services, HttpClient http) =>
        http.Timeout = services.GetRequiredService<IOptions<HmppsDetailOptions>>().Value.Timeout;
}
