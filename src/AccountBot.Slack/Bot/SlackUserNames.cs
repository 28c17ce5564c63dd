using AccountBot.Core.Caching;
using AccountBot.Slack.Installations;
using AccountBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace AccountBot.Slack.Bot;

/// <summary>
/// The names people see for Slack user ids, looked up with users.info when a stakeholder's
/// relationship owner is picked (a <c>users_select</c> gives only an id) and kept for an hour.
/// The lookup runs inside a modal submission, which Slack wants answered within 3 s, so it gets
/// <see cref="Patience"/>; a failure or a slow answer leaves the id, and saving goes on.
/// </summary>
public sealed class SlackUserNames(TimeProvider time, ILogger<SlackUserNames> logger)
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(1.5);
    public static readonly TimeSpan KeepFor = TimeSpan.FromHours(1);
    private const int MaxKept = 10_000;

    private readonly ExpiringCache<(SlackTeamKey Team, string User), string> _names = new(time, KeepFor, MaxKept);

    /// <summary>A member's name through a request's bound client (see the overload below).</summary>
    public Task<string?> ResolveAsync(SlackWorkspaceClient api, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        return ResolveAsync(api.Client, api.Team, userId, cancellationToken);
    }

    /// <returns>The shown name, or null when Slack did not tell in time.</returns>
    public async Task<string?> ResolveAsync(SlackApiClient slack, SlackTeamKey team, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slack);
        if (_names.TryGet((team, userId), out var kept))
            return kept;

        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        try
        {
            var name = (await slack.GetUserAsync(team, userId, patience.Token)).User?.ShownName;
            if (name is null)
                return null;
            _names.Set((team, userId), name);
            return name;
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException or OperationCanceledException)
        {
            Log.UserNameUnknown(logger, e.Message);
            return null;
        }
    }
}
