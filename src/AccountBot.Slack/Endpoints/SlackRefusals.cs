using AccountBot.Core.Access;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Security;

namespace AccountBot.Slack.Endpoints;

/// <summary>What a refused request is shown, in the shape each kind of Slack answer takes.</summary>
internal static class SlackRefusals
{
    public const string NoticeCallbackId = "access-notice";

    public static string Text(SlackAccess access) => access switch
    {
        SlackAccess.WorkspaceNotAllowed => AccessNotices.WorkspaceNotAllowed,
        SlackAccess.ExternalUser => AccessNotices.ExternalUser,
        _ => throw new ArgumentOutOfRangeException(nameof(access), access, "Only a refusal has a notice."),
    };

    /// <summary>Seen only by the person who asked; never replaces the message they clicked in.</summary>
    public static SlackMessage Message(SlackAccess access) =>
        new(Text(access)) { ResponseType = ResponseType.Ephemeral, ReplaceOriginal = false };

    /// <summary>Replaces a submitted modal, so nothing in it is saved and the person sees why.</summary>
    public static ViewSubmissionResponse Modal(SlackAccess access) =>
        ViewSubmissionResponse.Update(new ModalView(NoticeCallbackId, new PlainText("AccountBot"), [new SectionBlock(new PlainText(Text(access)))], close: "Close"));
}
