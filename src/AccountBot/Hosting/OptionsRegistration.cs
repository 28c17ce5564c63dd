using Microsoft.Extensions.Options;

namespace AccountBot.Hosting;

/// <summary>Binds an options class to its section and validates it when the host starts.</summary>
internal static class OptionsRegistration
{
    public static IServiceCollection AddValidatedOptions<TOptions>(
        this IServiceCollection services, string section, Func<TOptions, IEnumerable<string>>? extra = null)
        where TOptions : class, new()
    {
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(new ValidateWithKeys<TOptions>(section, extra));
        // The core takes plain option objects so it needs no options framework.
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TOptions>>().Value);
        return services;
    }
}
