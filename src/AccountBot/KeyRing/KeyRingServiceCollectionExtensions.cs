using AccountBot.Hosting;
using AccountBot.Storage.LiteDb;
using AccountBot.Storage.Postgres;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace AccountBot.KeyRing;

/// <summary>
/// Data Protection for secrets at rest: one application name and one key ring. On LiteDB a folder, owner-only, next to
/// the database unless <c>DataProtection:KeysPath</c> says otherwise; on PostgreSQL the database itself, so that
/// every instance decrypts what another encrypted (a folder would be per machine).
/// </summary>
internal static class KeyRingServiceCollectionExtensions
{
    /// <summary>
    /// Fixed rather than Data Protection's default (the content root path), so moving or redeploying the app, or a
    /// second instance in another folder, still reads what the first one encrypted with the same key ring.
    /// </summary>
    public const string ApplicationName = "AccountBot";

    public static IServiceCollection AddKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KeyRingOptions>().BindConfiguration(KeyRingOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KeyRingOptions>, KeyRingOptionsValidator>();
        services.AddDataProtection().SetApplicationName(ApplicationName);
        if (StorageSelection.Provider(configuration) == StorageProvider.Postgres)
        {
            services.AddOptions<KeyManagementOptions>()
                .Configure<PostgresKeyRingStore>((management, store) => management.XmlRepository = new PostgresXmlRepository(store));
            return services;
        }

        services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<KeyRingOptions>, IOptions<LiteDbOptions>, IHostEnvironment, ILoggerFactory>((management, ring, storage, environment, loggers) =>
            {
                var folder = Folder(ring.Value, storage.Value, environment);
                try
                {
                    OwnerOnly.EnsureFolder(folder, loggers.CreateLogger(typeof(KeyRingOptions)));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new InvalidOperationException(
                        $"Cannot create the Data Protection key ring folder '{folder}': {ex.Message} Set {KeyRingOptions.Section}:KeysPath to a folder this process may write to.", ex);
                }

                management.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(folder), loggers);
            });
        services.AddHostedService<KeyRingStartup>();
        return services;
    }

    /// <summary><c>DataProtection:KeysPath</c> against the content root, or <c>keys</c> in the database's folder.</summary>
    public static string Folder(KeyRingOptions ring, LiteDbOptions storage, IHostEnvironment environment)
    {
        if (!string.IsNullOrEmpty(ring.KeysPath))
        {
            return Path.GetFullPath(ring.KeysPath, environment.ContentRootPath);
        }

        var database = Path.GetFullPath(storage.Path, environment.ContentRootPath);
        return Path.Combine(Path.GetDirectoryName(database) ?? environment.ContentRootPath, KeyRingOptions.DefaultFolderName);
    }
}
