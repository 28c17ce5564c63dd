using AccountBot.Slack.Blocks;

namespace AccountBot.Slack.WebApi;

/// <summary>views.open / views.push JSON body; the trigger id lives 3 s and works once.</summary>
public sealed record ViewsOpenRequest(string TriggerId, ModalView View);
