using System.Net;
using AccountBot.Core.Reminders;
using AccountBot.Slack.Bot;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AccountBot.Host.Tests.Slack;

public sealed class SlackHostingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "accountbot-slack-hosting", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Host_NoSigningSecret_SlackEndpointsNotMapped()
    {
        await using var host = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("Storage:LiteDb:Path", Path.Combine(_folder, "bot.db"));
        });
        using var client = host.CreateClient();

        using var response = await client.PostAsync(new Uri("/slack/commands", UriKind.Relative), new StringContent("command=%2Fmap"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Host_Registers_TheSlackDigestSenderAndItsDeliveryCheck()
    {
        await using var host = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("Storage:LiteDb:Path", Path.Combine(_folder, "bot.db"));
            web.UseSetting("Slack:SigningSecret", "secret");
            web.UseSetting("Slack:BotToken", "xoxb-single");
        });

        var senders = host.Services.GetServices<IDigestSender>();

        Assert.Contains(senders, s => s is SlackDigestSender);
        Assert.Contains(host.Services.GetServices<IDigestDeliveryCheck>(), c => c is SlackDigestDeliveryCheck);
    }
}
