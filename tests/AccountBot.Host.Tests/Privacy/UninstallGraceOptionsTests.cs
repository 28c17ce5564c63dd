using AccountBot.Core.Workspaces;
using AccountBot.Host.Tests.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AccountBot.Host.Tests.Privacy;

/// <summary><c>Privacy:UninstallGraceDays</c> on the real host: 30 days unless set, 0 allowed, a negative value refused at start-up.</summary>
[Collection(HostBuildingCollection.Name)]
public sealed class UninstallGraceOptionsTests : IDisposable
{
    private readonly TestHost _hosts = new("uninstall-grace");

    public void Dispose() => _hosts.Dispose();

    [Fact]
    public async Task Start_NotSet_ThirtyDays()
    {
        await using var host = _hosts.Create();

        Assert.Equal(TimeSpan.FromDays(30), host.Services.GetRequiredService<WorkspaceRemovalPolicy>().Grace);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("7", 7)]
    public async Task Start_GraceDays_IsThePolicy(string days, int expected)
    {
        await using var host = _hosts.Create(("Privacy:UninstallGraceDays", days));

        Assert.Equal(TimeSpan.FromDays(expected), host.Services.GetRequiredService<WorkspaceRemovalPolicy>().Grace);
    }

    [Fact]
    public void Start_NegativeGraceDays_FailsNamingTheKey()
    {
        using var host = _hosts.Create(("Privacy:UninstallGraceDays", "-1"));

        var error = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains("Privacy:UninstallGraceDays", error.Message, StringComparison.Ordinal);
    }
}
