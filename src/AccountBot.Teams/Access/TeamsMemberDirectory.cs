using System.Net;
using AccountBot.Core.Caching;
using AccountBot.Teams.Connector;
using AccountBot.Teams.Protocol;
using AccountBot.Teams.Routing;

namespace AccountBot.Teams.Access;

/// <summary>
/// Who sent a Teams activity, from the connector's member record (<c>tenantId</c>, <c>userRole</c>), cached per
/// (conversation, user) for at most <see cref="Lifetime"/>: a busy conversation costs one lookup per person per five
/// minutes, and someone who became a guest or left is noticed within five minutes. Failed lookups are not cached.
/// </summary>
public sealed class TeamsMemberDirectory(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>Entries kept at most; past it the expired go, and if that is not enough, all (it only costs lookups).</summary>
    public const int Capacity = 10_000;

    private readonly ExpiringCache<(string Conversation, string User), TeamsChannelAccount?> _entries = new(time, Lifetime, Capacity);

    /// <summary>The sender's member record, or null when the connector says they are not in the conversation (404).</summary>
    /// <exception cref="ConnectorException">Any other refusal; <see cref="HttpRequestException"/> when unreachable.</exception>
    public async Task<TeamsChannelAccount?> GetSenderAsync(TeamsTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        var serviceUrl = activity.ServiceUrl ?? throw new InvalidOperationException("The activity has no serviceUrl.");
        var userId = activity.From?.Id ?? throw new InvalidOperationException("The activity has no sender.");
        // The channel, not the thread: a person's standing is the same in every thread of a channel.
        var conversation = ConversationKey.Of(activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation."));
        var key = (conversation, userId);
        if (_entries.TryGet(key, out var cached))
            return cached;

        TeamsChannelAccount? member;
        try
        {
            member = await turn.Connector.GetMemberAsync(serviceUrl, conversation, userId, cancellationToken);
        }
        catch (ConnectorException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            member = null;
        }

        _entries.Set(key, member);
        return member;
    }
}
