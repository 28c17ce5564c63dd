using AccountBot.Slack.Blocks;

namespace AccountBot.Slack.WebApi;

/// <summary>views.publish JSON body: the Home tab of one user.</summary>
public sealed record ViewsPublishRequest(string UserId, HomeTabView View);
