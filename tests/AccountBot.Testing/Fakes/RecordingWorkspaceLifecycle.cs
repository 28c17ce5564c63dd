using System.Collections.Concurrent;
using AccountBot.Core.Accounts;
using AccountBot.Core.Workspaces;

namespace AccountBot.Testing.Fakes;

/// <summary>An <see cref="IWorkspaceLifecycle"/> that records what an adapter reported, for adapter tests without storage.</summary>
public sealed class RecordingWorkspaceLifecycle : IWorkspaceLifecycle
{
    private readonly ConcurrentQueue<string> _calls = new();

    /// <summary>Each report as <c>removed slack:T01 app_uninstalled</c>, <c>conversation-removed teams:… 19:… reason</c> or <c>installed slack:T01</c>.</summary>
    public IReadOnlyList<string> Calls => [.. _calls];

    public Task AppRemovedAsync(WorkspaceKey workspace, string reason, CancellationToken cancellationToken)
    {
        _calls.Enqueue($"removed {workspace.Value} {reason}");
        return Task.CompletedTask;
    }

    public Task ConversationRemovedAsync(WorkspaceKey workspace, string conversationId, string reason, CancellationToken cancellationToken)
    {
        _calls.Enqueue($"conversation-removed {workspace.Value} {conversationId} {reason}");
        return Task.CompletedTask;
    }

    public Task AppInstalledAsync(WorkspaceKey workspace, CancellationToken cancellationToken)
    {
        _calls.Enqueue($"installed {workspace.Value}");
        return Task.CompletedTask;
    }
}
