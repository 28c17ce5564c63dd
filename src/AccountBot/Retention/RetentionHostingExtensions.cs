using AccountBot.Hosting;

namespace AccountBot.Retention;

/// <summary>Registers pruning: <see cref="StorageOptions"/> and <see cref="PrivacyOptions"/> (validated at start-up) and the daily <see cref="RetentionService"/>.</summary>
internal static class RetentionHostingExtensions
{
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddValidatedOptions<StorageOptions>(StorageOptions.Section);
        services.AddValidatedOptions<PrivacyOptions>(PrivacyOptions.Section);
        services.AddSingleton<RetentionService>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionService>());
        return services;
    }
}
