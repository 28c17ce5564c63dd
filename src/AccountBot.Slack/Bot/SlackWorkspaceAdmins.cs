using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Caching;
using AccountBot.Slack.Installations;
using AccountBot.Slack.WebApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccountBot.Slack.Bot;

/// <summary>
/// Slack's own word on who runs a workspace: users.info <c>is_admin</c> or <c>is_owner</c>, kept for
/// <see cref="KeepFor"/> per user, so someone whose admin rights were taken away loses them here within minutes. A
/// failed lookup is not kept and counts as "not an admin" (the configured <c>Admins:Slack</c> still count).
/// </summary>
public sealed class SlackWorkspaceAdmins(IServiceProvider services, TimeProvider time, ILogger<SlackWorkspaceAdmins> logger) : IWorkspaceAdmins
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(5);
    private const int MaxKept = 10_000;

    private readonly ExpiringCache<(string Workspace, string User), bool> _known = new(time, KeepFor, MaxKept);

    public Platform Platform => Platform.Slack;

    public async Task<bool> IsAdminAsync(WorkspaceKey workspace, string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if (_known.TryGet((workspace.Value, userId), out var known))
            return known;

        // The typed client is transient (its handler is pooled by the factory): one per lookup.
        var slack = services.GetRequiredService<SlackApiClient>();
        try
        {
            var user = (await slack.GetUserAsync(SlackDigestSender.TeamKeyOf(workspace), userId, cancellationToken)).User;
            var admin = user is { IsAdmin: true } or { IsOwner: true };
            _known.Set((workspace.Value, userId), admin);
            return admin;
        }
        catch (Exception e) when (e is SlackApiException or HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Log.AdminUnknown(logger, userId, e is SlackApiException api ? api.Error : e.GetType().Name);
            return false;
        }
    }
}
