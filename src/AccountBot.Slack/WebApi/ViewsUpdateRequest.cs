using AccountBot.Slack.Blocks;

namespace AccountBot.Slack.WebApi;

/// <summary>views.update JSON body; with <see cref="Hash"/>, Slack refuses the update if the view changed meanwhile.</summary>
public sealed record ViewsUpdateRequest(string ViewId, ModalView View, string? Hash);
