using System.Collections.Concurrent;
using AccountBot.Teams.Protocol;

namespace AccountBot.Teams.Routing;

/// <summary>
/// Routes an authenticated activity to the one handler registered for its type (or, for invokes,
/// its name). Registering a route twice throws; an invoke nobody handles is answered 501 (so
/// Teams shows the user it failed); any other activity nobody handles is acknowledged with 200. A handler that throws
/// goes to the one error handler (<see cref="OnError"/>), which logs and answers the user; without one it throws on.
/// </summary>
public sealed class TeamsActivityRouter
{
    private readonly ConcurrentDictionary<string, Func<TeamsTurn, CancellationToken, Task>> _activities = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Func<TeamsTurn, CancellationToken, Task<InvokeResponse>>> _invokes = new(StringComparer.OrdinalIgnoreCase);
    private Func<TeamsTurn, Exception, CancellationToken, Task>? _error;

    /// <summary>
    /// The one error handler around every non-invoke turn (invokes answer their own status): it is given the failure
    /// and the turn, and the turn is then acknowledged with 200. Registering a second one throws.
    /// </summary>
    public TeamsActivityRouter OnError(Func<TeamsTurn, Exception, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (Interlocked.CompareExchange(ref _error, handler, null) is not null)
            throw new InvalidOperationException("A Teams error handler is already registered.");
        return this;
    }

    /// <summary>Messages, including Action.Submit (a message with <c>value</c>).</summary>
    public TeamsActivityRouter OnMessage(Func<TeamsTurn, CancellationToken, Task> handler) => On(ActivityTypes.Message, handler);

    public TeamsActivityRouter OnConversationUpdate(Func<TeamsTurn, CancellationToken, Task> handler) => On(ActivityTypes.ConversationUpdate, handler);

    public TeamsActivityRouter OnInstallationUpdate(Func<TeamsTurn, CancellationToken, Task> handler) => On(ActivityTypes.InstallationUpdate, handler);

    /// <summary>Any other non-invoke activity type (event, messageReaction, …).</summary>
    public TeamsActivityRouter On(string activityType, Func<TeamsTurn, CancellationToken, Task> handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(activityType);
        ArgumentNullException.ThrowIfNull(handler);
        if (string.Equals(activityType, ActivityTypes.Invoke, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException("Register invokes by name with OnInvoke.", nameof(activityType));
        if (!_activities.TryAdd(activityType, handler))
            throw new InvalidOperationException($"A handler for '{activityType}' activities is already registered.");
        return this;
    }

    /// <summary>An invoke by name, e.g. <see cref="InvokeNames.AdaptiveCardAction"/>; its result is the HTTP response.</summary>
    public TeamsActivityRouter OnInvoke(string name, Func<TeamsTurn, CancellationToken, Task<InvokeResponse>> handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(handler);
        if (!_invokes.TryAdd(name, handler))
            throw new InvalidOperationException($"A handler for invoke '{name}' is already registered.");
        return this;
    }

    /// <summary>Runs the matching handler. Null means "answer 200 with no body".</summary>
    public async Task<InvokeResponse?> DispatchAsync(TeamsTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        if (string.Equals(activity.Type, ActivityTypes.Invoke, StringComparison.OrdinalIgnoreCase))
        {
            return activity.Name is { } name && _invokes.TryGetValue(name, out var invoke)
                ? await invoke(turn, cancellationToken)
                : new InvokeResponse(StatusCodes.NotImplemented);
        }

        if (!_activities.TryGetValue(activity.Type, out var handler))
            return null;
        try
        {
            await handler(turn, cancellationToken);
        }
        catch (Exception ex) when (_error is not null && (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            await _error(turn, ex, cancellationToken);
        }

        return null;
    }

    private static class StatusCodes
    {
        public const int NotImplemented = 501;
    }
}
