using AccountBot.Charts;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using Microsoft.Extensions.Options;

namespace AccountBot.Pictures;

/// <summary>Registers picture rendering, signed links and their endpoints.</summary>
internal static class PictureServiceCollectionExtensions
{
    public static IServiceCollection AddPictures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PictureOptions>()
            .Bind(configuration.GetSection(PictureOptions.Section))
            .Configure(o =>
            {
                o.PublicBaseUrl = configuration[PictureOptions.PublicBaseUrlKey];
                o.ExportLifetime = configuration.GetValue(PictureOptions.ExportLifetimeKey, o.ExportLifetime);
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PictureOptions>, PictureOptionsValidator>();
        services.AddSingleton<LinkSigningKeys>();
        services.AddSingleton(sp => new LinkTokenCodec(() => sp.GetRequiredService<LinkSigningKeys>().Ring, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<PictureAvailability>();
        services.AddSingleton<IPictureLinks, PictureLinks>();
        services.AddSingleton(sp => new ChartFonts(sp.GetRequiredService<IOptions<PictureOptions>>().Value.FontDirectory));
        services.AddSingleton(sp => new MapPictureRenderer(sp.GetRequiredService<ChartFonts>(), sp.GetRequiredService<CoverageOptions>()));
        services.AddMemoryCache(o => o.SizeLimit = 200);
        services.AddHostedService<PictureStartupLog>();
        return services;
    }
}
