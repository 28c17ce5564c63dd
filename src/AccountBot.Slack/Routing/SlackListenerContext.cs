using AccountBot.Slack.Installations;

namespace AccountBot.Slack.Routing;

/// <summary>
/// Given to every listener: which workspace the request came from, and <see cref="RunAfterAck"/> to schedule work
/// that must not delay Slack's 3-second acknowledgement (Web API calls, storage, rendering charts…).
/// </summary>
/// <param name="beforeAck">See <see cref="BeforeAck"/>; none for work that runs after the ack (events).</param>
public sealed class SlackListenerContext(SlackTeamKey team, CancellationToken beforeAck = default)
{
    /// <summary>
    /// How long a listener's Web API calls may take before the ack must go out: Slack shows an error after 3 s, and the
    /// rest is for our own work and the network. A call still waiting then is cancelled and the listener falls back.
    /// </summary>
    public static readonly TimeSpan AckBudget = TimeSpan.FromSeconds(2.5);

    private readonly List<Func<CancellationToken, Task>> _afterAck = [];

    public SlackTeamKey Team { get; } = team;

    /// <summary>
    /// Cancelled when the ack must go out (Slack waits 3 s): give it to every Web API call a listener makes before
    /// its ack, so a throttled or slow call gives up instead of holding the answer; the listener then falls back.
    /// </summary>
    public CancellationToken BeforeAck { get; } = beforeAck;

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
