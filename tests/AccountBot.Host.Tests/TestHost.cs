using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AccountBot.Host.Tests;

/// <summary>
/// The real host (WebApplicationFactory) on a database in a temp folder of its own, deleted on
/// dispose: <c>using var hosts = new TestHost("pictures"); await using var host = hosts.Create(("Key", "value"));</c>
/// </summary>
public sealed class TestHost(string purpose) : IDisposable
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "accountbot-" + purpose, Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(Folder, "bot.db");

    /// <summary>A host in the Production environment with these settings on top of the defaults.</summary>
    public WebApplicationFactory<Program> Create(params (string Key, string? Value)[] settings) =>
        Create(_ => { }, settings);

    public WebApplicationFactory<Program> Create(Action<IWebHostBuilder> configure, params (string Key, string? Value)[] settings)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("Storage:LiteDb:Path", DatabasePath);
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }

            configure(web);
        });
    }

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
