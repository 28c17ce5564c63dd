using AccountBot.Slack.Blocks;
using AccountBot.Slack.Protocol;

namespace AccountBot.Slack.Routing;

/// <summary>
/// The listener registry, shaped like bolt's <c>app.command/action/view/options/event</c>. Each listener returns its
/// ack (the HTTP response body, or null for an empty 200) and may schedule slow work with
/// <see cref="SlackListenerContext.RunAfterAck"/>; a listener that throws is answered by the one <see cref="Error"/>
/// handler. Registering the same id twice throws.
/// </summary>
public sealed class SlackListenerRegistry
{
    private readonly Dictionary<string, Func<SlashCommand, SlackListenerContext, CancellationToken, Task<SlackMessage?>>> _commands = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Func<BlockActionsPayload, SlackBlockAction, SlackListenerContext, CancellationToken, Task>> _actions = new(StringComparer.Ordinal);
    private readonly List<(string Prefix, Func<BlockActionsPayload, SlackBlockAction, SlackListenerContext, CancellationToken, Task> Listener)> _actionPrefixes = [];
    private readonly Dictionary<string, Func<ViewSubmissionPayload, SlackListenerContext, CancellationToken, Task<ViewSubmissionResponse?>>> _viewSubmissions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<ViewClosedPayload, SlackListenerContext, CancellationToken, Task>> _viewClosed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<BlockSuggestionPayload, SlackListenerContext, CancellationToken, Task<OptionsResponse>>> _options = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<EventCallbackEnvelope, SlackListenerContext, CancellationToken, Task>> _events = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<MessageActionPayload, SlackListenerContext, CancellationToken, Task>> _shortcuts = new(StringComparer.Ordinal);
    private Func<ISlackErrorHandler>? _error;

    /// <summary>A slash command such as <c>/map</c>; the returned message (or null: empty 200) is the ack shown to the user.</summary>
    public SlackListenerRegistry Command(string command, Func<SlashCommand, SlackListenerContext, CancellationToken, Task<SlackMessage?>> listener)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        if (!command.StartsWith('/'))
            throw new ArgumentException($"A slash command starts with '/': '{command}'.", nameof(command));
        Add(_commands, command, listener, "command");
        return this;
    }

    /// <summary>A block action with exactly this <c>action_id</c>; acked with an empty 200 once the listener returns.</summary>
    public SlackListenerRegistry Action(string actionId, Func<BlockActionsPayload, SlackBlockAction, SlackListenerContext, CancellationToken, Task> listener)
    {
        Add(_actions, actionId, listener, "action");
        return this;
    }

    /// <summary>Block actions whose <c>action_id</c> starts with <paramref name="prefix"/> (e.g. <c>stakeholder:</c>); exact ids win, then the longest prefix.</summary>
    public SlackListenerRegistry ActionPrefix(string prefix, Func<BlockActionsPayload, SlackBlockAction, SlackListenerContext, CancellationToken, Task> listener)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        ArgumentNullException.ThrowIfNull(listener);
        if (_actionPrefixes.Any(p => p.Prefix == prefix))
            throw new InvalidOperationException($"A Slack listener for action prefix '{prefix}' is already registered.");
        _actionPrefixes.Add((prefix, listener));
        _actionPrefixes.Sort((a, b) => b.Prefix.Length.CompareTo(a.Prefix.Length));
        return this;
    }

    /// <summary>A modal submitted, by <c>callback_id</c>; return a <see cref="ViewSubmissionResponse"/> or null to close it.</summary>
    public SlackListenerRegistry ViewSubmission(string callbackId, Func<ViewSubmissionPayload, SlackListenerContext, CancellationToken, Task<ViewSubmissionResponse?>> listener)
    {
        Add(_viewSubmissions, callbackId, listener, "view submission");
        return this;
    }

    /// <summary>A modal cancelled (only for views opened with <c>notify_on_close</c>), by <c>callback_id</c>.</summary>
    public SlackListenerRegistry ViewClosed(string callbackId, Func<ViewClosedPayload, SlackListenerContext, CancellationToken, Task> listener)
    {
        Add(_viewClosed, callbackId, listener, "view closed");
        return this;
    }

    /// <summary>Options for an <c>external_select</c>, by <c>action_id</c>.</summary>
    public SlackListenerRegistry Options(string actionId, Func<BlockSuggestionPayload, SlackListenerContext, CancellationToken, Task<OptionsResponse>> listener)
    {
        Add(_options, actionId, listener, "options");
        return this;
    }

    /// <summary>A message shortcut by <c>callback_id</c>; acked with an empty 200 once the listener returns (open its modal before).</summary>
    public SlackListenerRegistry Shortcut(string callbackId, Func<MessageActionPayload, SlackListenerContext, CancellationToken, Task> listener)
    {
        Add(_shortcuts, callbackId, listener, "shortcut");
        return this;
    }

    /// <summary>An Events API event by inner type (e.g. <c>app_mention</c>). Runs after the 200 ack, once per <c>event_id</c>.</summary>
    public SlackListenerRegistry Event(string type, Func<EventCallbackEnvelope, SlackListenerContext, CancellationToken, Task> listener)
    {
        Add(_events, type, listener, "event");
        return this;
    }

    /// <summary>
    /// The one error handler (bolt's <c>app.error</c>), created for each failure (it may hold per-request clients).
    /// Registering a second one throws.
    /// </summary>
    public SlackListenerRegistry Error(Func<ISlackErrorHandler> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (_error is not null)
            throw new InvalidOperationException("A Slack error handler is already registered.");
        _error = handler;
        return this;
    }

    internal ISlackErrorHandler? CreateErrorHandler() => _error?.Invoke();

    internal Func<SlashCommand, SlackListenerContext, CancellationToken, Task<SlackMessage?>>? FindCommand(string command) => _commands.GetValueOrDefault(command);

    internal Func<BlockActionsPayload, SlackBlockAction, SlackListenerContext, CancellationToken, Task>? FindAction(string actionId) =>
        _actions.GetValueOrDefault(actionId) ?? _actionPrefixes.FirstOrDefault(p => actionId.StartsWith(p.Prefix, StringComparison.Ordinal)).Listener;

    internal Func<ViewSubmissionPayload, SlackListenerContext, CancellationToken, Task<ViewSubmissionResponse?>>? FindViewSubmission(string callbackId) => _viewSubmissions.GetValueOrDefault(callbackId);

    internal Func<ViewClosedPayload, SlackListenerContext, CancellationToken, Task>? FindViewClosed(string callbackId) => _viewClosed.GetValueOrDefault(callbackId);

    internal Func<BlockSuggestionPayload, SlackListenerContext, CancellationToken, Task<OptionsResponse>>? FindOptions(string actionId) => _options.GetValueOrDefault(actionId);

    internal Func<MessageActionPayload, SlackListenerContext, CancellationToken, Task>? FindShortcut(string callbackId) => _shortcuts.GetValueOrDefault(callbackId);

    internal Func<EventCallbackEnvelope, SlackListenerContext, CancellationToken, Task>? FindEvent(string type) => _events.GetValueOrDefault(type);

    private static void Add<T>(Dictionary<string, T> listeners, string id, T listener, string kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(listener);
        if (!listeners.TryAdd(id, listener))
            throw new InvalidOperationException($"A Slack listener for {kind} '{id}' is already registered.");
    }
}
