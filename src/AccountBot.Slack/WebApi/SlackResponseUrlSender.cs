using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AccountBot.Adapters.FollowUps;
using AccountBot.Slack.Bot;
using Microsoft.Extensions.Logging;

namespace AccountBot.Slack.WebApi;

/// <summary>
/// Posts a stored <c>response_url</c> answer (the follow-up kind <see cref="Kind"/>, built by
/// <see cref="SlackResponseUrls.Step"/>): throttled or unavailable is tried again later (nothing was posted), anything
/// else Slack refused is logged. Kept in the follow-up outbox before the ack, so a crash does not lose it.
/// </summary>
public sealed partial class SlackResponseUrlSender(SlackResponseUrls urls, SlackApiClient slack, ILogger<SlackResponseUrlSender> logger) : IFollowUpSender
{
    public const string Kind = "slack.response_url";

    public async Task SendAsync(string payload, CancellationToken cancellationToken)
    {
        var post = JsonSerializer.Deserialize(payload, SlackJsonContext.Default.SlackResponseUrlPost)
            ?? throw new JsonException("A stored Slack response_url post is null.");
        string url;
        try
        {
            url = urls.Unprotect(post);
        }
        catch (CryptographicException e)
        {
            // The key ring it was stored with is gone: nowhere to post, and trying again cannot help.
            LogUndecryptable(logger, e);
            return;
        }

        var json = Encoding.UTF8.GetBytes(post.Message);
        await SlackDelivery.RetryIfTransientAsync(
            () => slack.PostToResponseUrlAsync(url, json, cancellationToken),
            e => LogRefused(logger, e.Error));
    }

    [LoggerMessage(5150, LogLevel.Error, "A stored Slack response_url answer cannot be decrypted (the Data Protection key ring it was stored with is not available); dropped")]
    private static partial void LogUndecryptable(ILogger logger, Exception exception);

    [LoggerMessage(5151, LogLevel.Warning, "Slack could not take a response_url answer promised after the ack: {Error}")]
    private static partial void LogRefused(ILogger logger, string error);
}
