using Microsoft.AspNetCore.Http;

namespace AccountBot.Slack.Endpoints;

/// <summary>Writing the ack, and what follows it.</summary>
internal sealed partial class SlackRequestHandler
{
    private async Task AckAsync(HttpContext http, SlackAck ack)
    {
        // Stored before the ack is written: once Slack shows the user the result, what was promised is on disk.
        // Not cancelled by the caller hanging up: the request's own work (the change) is done by now.
        var stored = await durable.StoreAsync(ack.Stored ?? [], lifetime.ApplicationStopping);

        // Not idle from before the ack is written until its follow-up work is queued (see FollowUpQueue.Hold).
        using var hold = ack.AfterAck.Count > 0 || stored is not null ? followUps.Hold() : null;
        http.Response.StatusCode = ack.StatusCode;
        if (ack.Write is not null)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await ack.Write(http.Response.Body, http.RequestAborted);
        }

        // The ack is on its way to Slack before any follow-up work starts.
        await http.Response.CompleteAsync();
        if (ack.AfterAck.Count > 0)
            await followUps.EnqueueAsync(ack.AfterAck, lifetime.ApplicationStopping);
        if (stored is not null)
            await durable.EnqueueAsync(stored, lifetime.ApplicationStopping);
    }
}
