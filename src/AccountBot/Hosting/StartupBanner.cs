using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AccountBot.Hosting;

/// <summary>Once listening, says where and how to talk to the bot locally.</summary>
internal sealed partial class StartupBanner(IServer server, IHostApplicationLifetime lifetime, ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                Listening(logger, address, address.TrimEnd('/') + "/api/messages", address.TrimEnd('/') + "/slack/commands");
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "AccountBot is listening on {Address}. Teams: point the Microsoft 365 Agents Playground (see README) or Azure Bot at {TeamsEndpoint}. Slack: set Slack:SigningSecret and point the app's slash command at {SlackEndpoint}.")]
    private static partial void Listening(ILogger logger, string address, string teamsEndpoint, string slackEndpoint);
}
