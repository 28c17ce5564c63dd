namespace AccountBot.Slack.Protocol;

/// <summary>Values of an interaction payload's <c>type</c>.</summary>
public static class SlackInteractionTypes
{
    public const string BlockActions = "block_actions";
    public const string ViewSubmission = "view_submission";
    public const string ViewClosed = "view_closed";
    public const string BlockSuggestion = "block_suggestion";
    public const string MessageAction = "message_action";
}
