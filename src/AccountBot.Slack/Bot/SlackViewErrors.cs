using AccountBot.Slack.Blocks;

namespace AccountBot.Slack.Bot;

/// <summary>A modal kept open with one message under one of its blocks (<c>response_action: errors</c>).</summary>
internal static class SlackViewErrors
{
    public static ViewErrorsResponse One(string blockId, string message) =>
        new(new Dictionary<string, string>(StringComparer.Ordinal) { [blockId] = message });
}
