using Microsoft.Extensions.Configuration;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AccountBot.Host.Tests.Hosting;

public sealed class HostTests : IDisposable
{
    private readonly TestHost hosts = new("host-tests");

    public void Dispose() => hosts.Dispose();

    private WebApplicationFactory<Program> Host(params (string Key, string? Value)[] settings) => hosts.Create(settings);

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
        Assert.True(File.Exists(hosts.DatabasePath));
    }

    [Fact]
    public async Task Start_WithTheSampleSettings_IsReady()
    {
        var sample = Path.Combine(RepositoryRoot(), "appsettings.sample.json");
        await using var host = hosts.Create(web => web.ConfigureAppConfiguration(config => config.AddJsonFile(sample, optional: false)));
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
    [InlineData("Limits:MapsPerWorkspace", "0", "Limits:MapsPerWorkspace")]
    [InlineData("Limits:PeoplePerMap", "100000", "Limits:PeoplePerMap")]
    [InlineData("Reminders:TimeZone", "Mars/Olympus", "Reminders:TimeZone")]
    [InlineData("Storage:LiteDb:Path", "", "Storage:LiteDb:Path")]
    [InlineData("FollowUps:DrainTimeout", "00:00:00", "FollowUps:DrainTimeout")]
    [InlineData("FollowUps:DrainTimeout", "01:00:00", "FollowUps:DrainTimeout")]
    [InlineData("Admins:Slack:0", "ana", "Admins:Slack:0 'ana' is not a Slack user id")]
    [InlineData("Admins:Slack:0", "u0ana", "Admins:Slack:0")]
    [InlineData("Admins:Teams:0", "Jane Doe", "Admins:Teams:0 'Jane Doe' is not a Teams user id")]
    public void Start_InvalidOption_FailsNamingTheKey(string key, string value, string named)
    {
        using var host = Host((key, value));

        var error = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Admins:Slack:0", "U0ADA")]
    [InlineData("Admins:Slack:0", "W0GRIDADMIN")]
    [InlineData("Admins:Teams:0", "6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b")]
    [InlineData("Admins:Teams:0", "29:1InesAdminFromContoso")]
    public void Start_AdminIdsOfTheirPlatform_Starts(string key, string value)
    {
        using var host = Host((key, value));

        using var client = host.CreateClient();
    }

    [Fact]
    public void Start_LongDrainTimeout_TheHostWaitsLongerThanItOnStop()
    {
        using var host = Host(("FollowUps:DrainTimeout", "00:01:00"));
        host.CreateClient().Dispose();

        var shutdown = host.Services.GetRequiredService<IOptions<Microsoft.Extensions.Hosting.HostOptions>>().Value.ShutdownTimeout;

        Assert.True(shutdown > TimeSpan.FromMinutes(1), $"ShutdownTimeout {shutdown}");
    }

    [Fact]
    public void Start_DatabasePathUnderAFile_FailsNamingThePath()
    {
        Directory.CreateDirectory(hosts.Folder);
        var file = Path.Combine(hosts.Folder, "not-a-folder");
        File.WriteAllText(file, "x");
        var path = Path.Combine(file, "bot.db");
        using var host = Host(("Storage:LiteDb:Path", path));

        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains(path, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Start_KestrelBodyLimitBelowTeamsLimit_RefusesNamingTheKey()
    {
        using var host = Host(("Kestrel:Limits:MaxRequestBodySize", "1000"));

        var error = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains("Kestrel:Limits:MaxRequestBodySize", error.Message, StringComparison.Ordinal);
        Assert.Contains("Teams:MaxRequestBodyBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_Defaults_KestrelRefusesBodiesAboveOneMegabyte()
    {
        using var host = Host();
        using var client = host.CreateClient();

        var kestrel = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<IOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>>(host.Services).Value;

        Assert.Equal(1024 * 1024, kestrel.Limits.MaxRequestBodySize);
    }
}
