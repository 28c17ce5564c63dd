using AccountBot.Adapters.FollowUps;
using AccountBot.Core.Features;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Views;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Bot;
using AccountBot.Slack.Installations;
using AccountBot.Slack.WebApi;
using Microsoft.Extensions.DependencyInjection;

namespace AccountBot.Slack.Routing;

/// <summary>
/// Given to every listener, like bolt's listener arguments: the workspace the request came from, the neutral
/// <see cref="Request"/> built once, an <see cref="Api"/> client bound to that workspace, <see cref="Say(MapView, string?)"/>
/// and <see cref="Respond"/> to answer after the ack, and <see cref="BeforeAck"/>, the budget of every call made before
/// it. A listener's return value stays its ack (the HTTP response). Built by the endpoint for each request
/// (<see cref="For(Protocol.SlashCommand, IServiceProvider, CancellationToken)"/> and its overloads).
/// </summary>
/// <param name="beforeAck">See <see cref="BeforeAck"/>; none for work that runs after the ack (events).</param>
public sealed partial class SlackListenerContext(SlackTeamKey team, CancellationToken beforeAck = default)
{
    /// <summary>
    /// How long a listener's Web API calls may take before the ack must go out: Slack shows an error after 3 s, and the
    /// rest is for our own work and the network. A call still waiting then is cancelled and the listener falls back.
    /// </summary>
    public static readonly TimeSpan AckBudget = TimeSpan.FromSeconds(2.5);

    private readonly List<Func<CancellationToken, Task>> _afterAck = [];
    private readonly List<FollowUpStep> _stored = [];
    private IServiceProvider? _services;
    private Func<RequestContext>? _buildRequest;
    private RequestContext? _request;
    private SlackWorkspaceClient? _api;

    public SlackTeamKey Team { get; } = team;

    /// <summary>
    /// Cancelled when the ack must go out (Slack waits 3 s): give it to every Web API call a listener makes before
    /// its ack, so a throttled or slow call gives up instead of holding the answer; the listener then falls back.
    /// </summary>
    public CancellationToken BeforeAck { get; } = beforeAck;

    /// <summary>The request's channel (a command's, an action's message, a mention's), if it has one.</summary>
    public string? ChannelId { get; private init; }

    /// <summary>The thread a mention was written in (or the mention itself): where <see cref="SayAsync"/> answers it.</summary>
    public string? ThreadTs { get; private init; }

    /// <summary>The request's <c>response_url</c> (commands, actions, shortcuts): where <see cref="Respond"/> answers.</summary>
    public string? ResponseUrl { get; private init; }

    /// <summary>
    /// The core's view of the request: the workspace is the request's own (<see cref="Core.Accounts.WorkspaceKey.ForSlack"/>),
    /// never an id found in a form's data. Built on first use; a payload without a team id throws
    /// <see cref="Protocol.SlackPayloadException"/> then, inside the listener.
    /// </summary>
    public RequestContext Request => _request ??= (_buildRequest ?? throw new InvalidOperationException("This context was built without a request."))();

    /// <summary>The Web API bound to <see cref="Team"/>'s bot token.</summary>
    public SlackWorkspaceClient Api => _api ??= new(Services.GetRequiredService<SlackApiClient>(), Team);

    /// <summary>Work scheduled so far; the endpoint queues it once the HTTP response has been sent.</summary>
    internal IReadOnlyList<Func<CancellationToken, Task>> AfterAck => _afterAck;

    /// <summary>Steps given to <see cref="SendAfterAck"/> so far; the endpoint stores them before it acks.</summary>
    internal IReadOnlyList<FollowUpStep> StoredAfterAck => _stored;

    private IServiceProvider Services => _services ?? throw new InvalidOperationException("This context was built without services.");

    /// <summary><see cref="Request"/> in another channel: a form's, named in its metadata (none: <c>unknown</c>).</summary>
    public RequestContext RequestIn(string? channelId, string? channelName = null) =>
        Request with { Channel = new(string.IsNullOrEmpty(channelId) ? "unknown" : channelId, channelName) };

    /// <summary>
    /// Announces a save's <paramref name="map"/> in <paramref name="channel"/> (by default <see cref="ChannelId"/>) after
    /// the ack, stored before it (<see cref="SlackAnnouncementSender"/>): privately to the requester where the channel
    /// is shared with another organisation, checked when it is posted. False when there is no channel to say it in.
    /// </summary>
    public bool Say(MapView map, string? channel = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        if ((channel ?? ChannelId) is not { Length: > 0 } target)
            return false;
        SendAfterAck(SlackAnnouncementSender.Step(Team, target, Request.User.Id, Request.Workspace, map));
        return true;
    }

    /// <summary>
    /// Announces what a save changed in <paramref name="channel"/> (<see cref="Say(MapView, string?)"/>); nothing, and
    /// false, when it changed nothing: a repeated submission (Slack retrying it, or a double click) was applied, and
    /// announced, once, by the save that wrote it (the store applies a submission id once: <see cref="SaveReply.Announcement"/>).
    /// </summary>
    public bool Say(SaveReply saved, string? channel)
    {
        ArgumentNullException.ThrowIfNull(saved);
        return saved.Announcement is MapView map && channel is { Length: > 0 } && Say(map, channel);
    }

    /// <summary>
    /// <see cref="Say(MapView, string?)"/> once per <paramref name="key"/> in the request's workspace, for a change the
    /// core does not apply once by itself (a submission sent twice would be announced twice): <see cref="AnnouncedSubmissions"/>
    /// remembers the keys announced.
    /// </summary>
    public bool SayOnce(MapView map, string channel, string key) =>
        Services.GetRequiredService<AnnouncedSubmissions>().TryClaim(Request.Workspace.Value + "|" + key) && Say(map, channel);

    /// <summary>Posts <paramref name="message"/> in <see cref="ChannelId"/> (in <see cref="ThreadTs"/>) once the ack has gone out.</summary>
    public void Say(SlackMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        RunAfterAck(ct => SayAsync(message, ct));
    }

    /// <summary>
    /// Posts <paramref name="message"/> in <see cref="ChannelId"/> (in <see cref="ThreadTs"/> unless it names a thread)
    /// now: for listeners that already run after the ack (events) and for after-ack work.
    /// </summary>
    public Task SayAsync(SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (ChannelId is not { Length: > 0 } channel)
            throw new InvalidOperationException("This request has no channel to say anything in.");
        return Api.PostMessageAsync(channel, message with { ThreadTs = message.ThreadTs ?? ThreadTs, ResponseType = null }, cancellationToken);
    }

    /// <summary>
    /// Answers in the request's <see cref="ResponseUrl"/> after the ack, stored before it (the URL encrypted, sent after a
    /// restart if need be). False, and nothing sent, when the request has no usable response_url.
    /// </summary>
    public bool Respond(SlackMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!HasResponseUrl)
            return false;
        SendAfterAck(Services.GetRequiredService<SlackResponseUrls>().Step(ResponseUrl, message));
        return true;
    }

    /// <summary>The request has a <c>response_url</c> that is an absolute http(s) URL.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(ResponseUrl))]
    public bool HasResponseUrl =>
        Uri.TryCreate(ResponseUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);

    /// <summary>
    /// Runs <paramref name="work"/> in the background after the HTTP response has gone to Slack. Failures are logged.
    /// The token is cancelled when the host stops.
    /// </summary>
    public void RunAfterAck(Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        _afterAck.Add(work);
    }

    /// <summary>
    /// Sends <paramref name="step"/> after the ack, surviving a crash: it is stored before the ack goes out and sent
    /// after a restart if need be (see <see cref="DurableFollowUps"/>). In order with the other steps given here; apart
    /// from <see cref="RunAfterAck"/> work.
    /// </summary>
    public void SendAfterAck(FollowUpStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        _stored.Add(step);
    }
}
