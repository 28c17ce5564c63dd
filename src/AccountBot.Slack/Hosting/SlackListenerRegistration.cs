using AccountBot.Slack.Routing;

namespace AccountBot.Slack.Hosting;

/// <summary>A piece of code that registers listeners on the <see cref="SlackListenerRegistry"/> when it is first built.</summary>
public sealed record SlackListenerRegistration(Action<SlackListenerRegistry, IServiceProvider> Configure);
