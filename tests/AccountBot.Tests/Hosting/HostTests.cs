using Microsoft.Extensions.Configuration;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace AccountBot.Tests.Hosting;

public sealed class HostTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "accountbot-host-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private WebApplicationFactory<Program> Host(params (string Key, string? Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("Storage:LiteDb:Path", Path.Combine(folder, "bot.db"));
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }
        });

    [Fact]
    public async Task Healthz_AndReadyz_AnswerAndDatabaseIsCreated()
    {
        await using var host = Host();
        using var client = host.CreateClient();

        var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("ok", await health.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.True(File.Exists(Path.Combine(folder, "bot.db")));
    }

    [Fact]
    public async Task Start_WithTheSampleSettings_IsReady()
    {
        var sample = Path.Combine(RepositoryRoot(), "appsettings.sample.json");
        await using var host = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.ConfigureAppConfiguration(config => config.AddJsonFile(sample, optional: false));
            web.UseSetting("Storage:LiteDb:Path", Path.Combine(folder, "sample.db"));
        });
        using var client = host.CreateClient();

        var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AccountBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("AccountBot.sln not found above the test folder.");
    }

    [Theory]
    [InlineData("Coverage:StaleAfterDays", "0", "Coverage:StaleAfterDays")]
    [InlineData("Reminders:TimeZone", "Mars/Olympus", "Reminders:TimeZone")]
    [InlineData("Storage:LiteDb:Path", "", "Storage:LiteDb:Path")]
    public void Start_InvalidOption_FailsNamingTheKey(string key, string value, string named)
    {
        using var host = Host((key, value));

        var error = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_DatabasePathUnderAFile_FailsNamingThePath()
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "not-a-folder");
        File.WriteAllText(file, "x");
        var path = Path.Combine(file, "bot.db");
        using var host = Host(("Storage:LiteDb:Path", path));

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains(path, error.ToString(), StringComparison.Ordinal);
    }
}
