using System.Text;
using System.Text.Json;
using AccountBot.Adapters.FollowUps;
using AccountBot.Slack.Blocks;
using Microsoft.AspNetCore.DataProtection;

namespace AccountBot.Slack.WebApi;

/// <summary>
/// A <c>response_url</c> answer promised after the ack, as a stored follow-up step (<see cref="SlackResponseUrlSender"/>).
/// A response_url is a bearer capability (anyone holding it may post into the conversation for 30 minutes), so it is
/// kept encrypted with the Data Protection key ring, as installations' bot tokens are, and never logged; the row is
/// deleted once sent.
/// </summary>
public sealed class SlackResponseUrls(IDataProtectionProvider dataProtection)
{
    private const string Purpose = "AccountBot.Slack.ResponseUrl.v1";
    private readonly IDataProtector _protector = dataProtection.CreateProtector(Purpose);

    /// <summary>The stored step posting <paramref name="message"/> to <paramref name="responseUrl"/>.</summary>
    public FollowUpStep Step(string responseUrl, SlackMessage message)
    {
        ArgumentException.ThrowIfNullOrEmpty(responseUrl);
        ArgumentNullException.ThrowIfNull(message);
        var post = new SlackResponseUrlPost(_protector.Protect(responseUrl), Encoding.UTF8.GetString(message.ToJson()));
        return new(SlackResponseUrlSender.Kind, JsonSerializer.Serialize(post, SlackJsonContext.Default.SlackResponseUrlPost));
    }

    /// <summary>The response_url in the clear (throws <see cref="System.Security.Cryptography.CryptographicException"/> without its key).</summary>
    internal string Unprotect(SlackResponseUrlPost post) => _protector.Unprotect(post.ProtectedUrl);
}

/// <summary>A stored response_url post: the URL encrypted, the message as Slack takes it.</summary>
public sealed record SlackResponseUrlPost(string ProtectedUrl, string Message);
