using AccountBot.Storage.LiteDb;
using AccountBot.Storage.Postgres;

namespace AccountBot.Hosting;

/// <summary>Registers the store that <c>Storage:Provider</c> names; the choice is made once, while the host is composed.</summary>
internal static class StorageSelection
{
    public const string ProviderKey = "Storage:Provider";

    public static IServiceCollection AddSelectedStorage(this IServiceCollection services, IConfiguration configuration)
    {
        if (Provider(configuration) == StorageProvider.Postgres)
        {
            services.AddPostgresStorage(configuration);
        }
        else
        {
            services.AddLiteDbStorage(configuration);
        }

        return services;
    }

    /// <summary>The configured provider; an unknown name stops the start with a message naming the key.</summary>
    public static StorageProvider Provider(IConfiguration configuration)
    {
        var value = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return StorageProvider.LiteDb;
        }

        return Enum.TryParse<StorageProvider>(value.Trim(), ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"{ProviderKey} is '{value}': set it to {StorageProvider.LiteDb} (the default) or {StorageProvider.Postgres}.");
    }
}
