using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Rendering;
using AccountBot.Slack.Routing;
using Microsoft.AspNetCore.Http;

namespace AccountBot.Slack.Endpoints;

/// <summary>Writing the ack (the HTTP response Slack waits 3 s for), and queueing what follows it.</summary>
public sealed partial class SlackRequestHandler
{
    /// <summary>A refusal before anything is parsed (400, 401, 413): the status only.</summary>
    private static void Status(HttpContext http, int status) => http.Response.StatusCode = status;

    /// <summary>A listener's bare answer (404: none for it, 500: it failed): the status, sent at once, nothing after it.</summary>
    private static Task StatusAsync(HttpContext http, int status)
    {
        http.Response.StatusCode = status;
        return http.Response.CompleteAsync();
    }

    /// <summary>
    /// A command's answer, or an empty 200 for none. A map message's JSON comes from the rendered-output cache for every
    /// read of an unchanged map (<see cref="SlackMessageRenderer.Json"/>), written once and the bytes reused.
    /// </summary>
    private Task AckAsync(HttpContext http, SlackMessage? message, SlackListenerContext context)
    {
        if (message is null)
            return AckAsync(http, context);
        var bytes = renderer.Json(message);
        return AckAsync(http, context, (stream, ct) => stream.WriteAsync(bytes, ct).AsTask());
    }

    /// <summary><paramref name="value"/> as the JSON body (a view submission's or options' answer), or an empty 200 for none.</summary>
    private Task AckAsync<T>(HttpContext http, T? value, JsonTypeInfo<T> typeInfo, SlackListenerContext? context) =>
        value is null
            ? AckAsync(http, context)
            : AckAsync(http, context, (stream, ct) => JsonSerializer.SerializeAsync(stream, value, typeInfo, ct));

    /// <summary>
    /// A 200 with <paramref name="write"/>'s JSON (none: empty), then <paramref name="context"/>'s after-ack work: its
    /// stored steps kept before the ack, everything queued once the ack is on its way.
    /// </summary>
    private async Task AckAsync(HttpContext http, SlackListenerContext? context, Func<Stream, CancellationToken, Task>? write = null)
    {
        IReadOnlyList<Func<CancellationToken, Task>> afterAck = context?.AfterAck ?? [];

        // Stored before the ack is written: once Slack shows the user the result, what was promised is on disk.
        // Not cancelled by the caller hanging up: the request's own work (the change) is done by now.
        var stored = await durable.StoreAsync(context?.StoredAfterAck ?? [], lifetime.ApplicationStopping);

        // Not idle from before the ack is written until its follow-up work is queued (see FollowUpQueue.Hold).
        using var hold = afterAck.Count > 0 || stored is not null ? followUps.Hold() : null;
        http.Response.StatusCode = StatusCodes.Status200OK;
        if (write is not null)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await write(http.Response.Body, http.RequestAborted);
        }

        // The ack is on its way to Slack before any follow-up work starts.
        await http.Response.CompleteAsync();
        if (afterAck.Count > 0)
            await followUps.EnqueueAsync(afterAck, lifetime.ApplicationStopping);
        if (stored is not null)
            await durable.EnqueueAsync(stored, lifetime.ApplicationStopping);
    }
}
