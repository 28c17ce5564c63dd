using System.Globalization;
using AccountBot.Core.Caching;
using AccountBot.Slack.Blocks;

namespace AccountBot.Slack.Rendering;

public sealed partial class SlackMessageRenderer
{
    private const string JsonOutput = "json";
    private const string InChannelJson = "json in_channel";
    private const string EphemeralJson = "json ephemeral";

    /// <summary>
    /// A message's JSON as an ack writes it. A message drawn from a keyed view (<c>map Acme</c> on an unchanged map)
    /// has its bytes kept in the one <see cref="RenderedOutputCache"/>, under the drawing's key plus every field a
    /// <c>with</c> copy may set (<see cref="OutputOf"/>), so equal keys get equal bytes and nothing is reused because it
    /// is the same object. Any other message is written afresh.
    /// </summary>
    public byte[] Json(SlackMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.DrawnAs is { } drawn
            ? rendered.GetOrAdd(drawn with { Output = OutputOf(message) }, message.ToJson)
            : message.ToJson();
    }

    /// <summary>
    /// What the JSON adds to the drawing: every settable field of <see cref="SlackMessage"/> (its text and blocks come
    /// from the drawing's key). The common ack (a response type only) names a constant, so nothing is allocated.
    /// </summary>
    internal static string OutputOf(SlackMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is { ReplaceOriginal: null, DeleteOriginal: null, ThreadTs: null })
        {
            switch (message.ResponseType)
            {
                case null:
                    return JsonOutput;
                case ResponseType.InChannel:
                    return InChannelJson;
                case ResponseType.Ephemeral:
                    return EphemeralJson;
            }
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"{JsonOutput} {message.ResponseType} replace={message.ReplaceOriginal} delete={message.DeleteOriginal} thread={message.ThreadTs?.Length}:{message.ThreadTs}");
    }
}
