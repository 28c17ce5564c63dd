using AccountBot.Core.Accounts;
using AccountBot.Slack.Protocol;
using AccountBot.Slack.Routing;
using AccountBot.Slack.Security;
using Microsoft.AspNetCore.Http;

namespace AccountBot.Slack.Endpoints;

/// <summary>The Events API: URL verification, de-duplicated event callbacks, and the listener run after the ack.</summary>
public sealed partial class SlackRequestHandler
{
    private async Task DispatchEventAsync(HttpContext http, byte[] body, CancellationToken beforeAck)
    {
        switch (SlackEventEnvelope.Parse(body))
        {
            case UrlVerificationEnvelope verification:
                await AckAsync(http, new Dictionary<string, string> { ["challenge"] = verification.Challenge }, _json.DictionaryStringString, null);
                return;

            case EventCallbackEnvelope envelope:
            {
                if (!await deduplicator.TryRegisterAsync(envelope.EventId, beforeAck))
                {
                    Log.DuplicateEvent(logger, envelope.EventId, http.Request.Headers["X-Slack-Retry-Num"].ToString(), http.Request.Headers["X-Slack-Retry-Reason"].ToString());
                    await AckAsync(http, null);
                    return;
                }

                // The token is dead once these arrive; forget it before acking so nothing else tries to use it. The
                // workspace's data leaves with the app: its deletion is scheduled (Privacy:UninstallGraceDays) before the
                // ack too, so a crash right after cannot lose it.
                if (envelope.Event is AppUninstalledEvent || envelope.Event is TokensRevokedEvent { Tokens.Bot.Count: > 0 })
                {
                    await installations.DeleteAsync(envelope.TeamKey, http.RequestAborted);
                    Log.InstallationRemoved(logger, envelope.TeamKey.ToString(), envelope.Event.Type);
                    if (envelope.TeamKey.TeamId is { Length: > 0 } team)
                        await lifecycle.AppRemovedAsync(WorkspaceKey.ForSlack(envelope.TeamKey.EnterpriseId, team), envelope.Event.Type, http.RequestAborted);
                }

                // Events show no answer: a refused one is acked with nothing (and logged once); a mention by another
                // organisation's member gets its one line privately.
                if (await CheckAccessAsync(http, SlackRequester.Of(envelope)) is var access and not SlackAccess.Allowed)
                {
                    await AckAsync(http, await RefuseEventAsync(http, envelope, access));
                    return;
                }

                var context = SlackListenerContext.For(envelope, services);
                var listener = app.FindEvent(envelope.Event.Type);
                if (listener is null)
                {
                    Log.Unhandled(logger, "event", envelope.Event.Type);
                    await AckAsync(http, null);
                    return;
                }

                // Events are acked at once; the listener itself is follow-up work.
                var after = new SlackListenerContext(envelope.TeamKey);
                after.RunAfterAck(async ct =>
                {
                    var result = await RunListenerAsync("event", envelope.Event.Type, async () =>
                    {
                        await listener(envelope, context, ct);
                        return true;
                    });
                    if (result.Failed && app.CreateErrorHandler() is { } errors)
                        await errors.EventFailedAsync(envelope, context, ct);

                    if (context.AfterAck.Count > 0)
                        await followUps.EnqueueAsync(context.AfterAck, ct);
                    if (await durable.StoreAsync(context.StoredAfterAck, ct) is { } stored)
                        await durable.EnqueueAsync(stored, ct);
                });
                await AckAsync(http, after);
                return;
            }

            default:
                await AckAsync(http, null);
                return;
        }
    }
}
