using AccountBot.Slack.Blocks;
using AccountBot.Slack.Installations;

namespace AccountBot.Slack.WebApi;

/// <summary>
/// The Web API bound to one workspace (bolt's <c>client</c>): every call is made with the bot token of
/// <see cref="Team"/>, the workspace the request came from, so a listener never names a team itself and two
/// workspaces served by one host cannot cross. Given to listeners by <see cref="Routing.SlackListenerContext.Api"/>.
/// </summary>
public sealed class SlackWorkspaceClient(SlackApiClient client, SlackTeamKey team)
{
    /// <summary>The unbound client, for helpers shared with senders that run outside a request.</summary>
    public SlackApiClient Client { get; } = client ?? throw new ArgumentNullException(nameof(client));

    public SlackTeamKey Team { get; } = team;

    public Task<ChatMessageResponse> PostMessageAsync(string channel, SlackMessage message, CancellationToken cancellationToken) =>
        Client.PostMessageAsync(Team, channel, message, cancellationToken);

    public Task<ChatEphemeralResponse> PostEphemeralAsync(string channel, string user, SlackMessage message, CancellationToken cancellationToken) =>
        Client.PostEphemeralAsync(Team, channel, user, message, cancellationToken);

    public Task<ViewResponse> OpenViewAsync(string triggerId, ModalView view, CancellationToken cancellationToken) =>
        Client.OpenViewAsync(Team, triggerId, view, cancellationToken);

    public Task<ViewResponse> UpdateViewAsync(string viewId, ModalView view, string? hash, CancellationToken cancellationToken) =>
        Client.UpdateViewAsync(Team, viewId, view, hash, cancellationToken);

    public Task<ViewResponse> PublishViewAsync(string userId, HomeTabView view, CancellationToken cancellationToken) =>
        Client.PublishViewAsync(Team, userId, view, cancellationToken);

    public Task<CompleteUploadResponse> UploadFileAsync(
        string channel, string fileName, byte[] content, string title, string? initialComment, string? threadTs, CancellationToken cancellationToken) =>
        Client.UploadFileAsync(Team, channel, fileName, content, title, initialComment, threadTs, cancellationToken);

    public Task<UsersInfoResponse> GetUserAsync(string userId, CancellationToken cancellationToken) =>
        Client.GetUserAsync(Team, userId, cancellationToken);

    public Task<PermalinkResponse> GetPermalinkAsync(string channel, string ts, CancellationToken cancellationToken) =>
        Client.GetPermalinkAsync(Team, channel, ts, cancellationToken);

    public Task<ConversationsInfoResponse> ConversationsInfoAsync(string channel, CancellationToken cancellationToken) =>
        Client.ConversationsInfoAsync(Team, channel, cancellationToken);

    /// <summary>An interaction's <c>response_url</c> (no token: the URL is the capability).</summary>
    public Task PostToResponseUrlAsync(string responseUrl, SlackMessage message, CancellationToken cancellationToken) =>
        Client.PostToResponseUrlAsync(responseUrl, message, cancellationToken);
}
