using AccountBot.Slack.Installations;

namespace AccountBot.Slack.Routing;

/// <summary>
/// Given to every listener: which workspace the request came from, and <see cref="RunAfterAck"/> to schedule work
/// that must not delay Slack's 3-second acknowledgement (Web API calls, storage, rendering charts…).
/// </summary>
public sealed class SlackListenerContext(SlackTeamKey team)
{
    private readonly List<Func<CancellationToken, Task>> _afterAck = [];

    public SlackTeamKey Team { get; } = team;

    /// <summary>Work scheduled so far; the endpoint queues it once the HTTP response has been sent.</summary>
    internal IReadOnlyList<Func<CancellationToken, Task>> AfterAck => _afterAck;

    /// <summary>
    /// Runs <paramref name="work"/> in the background after the HTTP response has gone to Slack. Failures are logged.
    /// The token is cancelled when the host stops.
    /// </summary>
    public void RunAfterAck(Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        _afterAck.Add(work);
    }
}
