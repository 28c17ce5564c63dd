using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AccountBot.Adapters.FollowUps;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Rendering;
using AccountBot.Slack.Routing;
using Microsoft.AspNetCore.Http;

namespace AccountBot.Slack.Endpoints;

/// <summary>What to answer Slack with, plus the work to run once it has been sent (<see cref="Stored"/>: kept before the ack).</summary>
internal sealed record SlackAck(int StatusCode, Func<Stream, CancellationToken, Task>? Write, IReadOnlyList<Func<CancellationToken, Task>> AfterAck, IReadOnlyList<FollowUpStep>? Stored = null)
{
    public static SlackAck Status(int status) => new(status, null, []);

    public static SlackAck Empty(SlackListenerContext? context = null) => new(StatusCodes.Status200OK, null, context?.AfterAck ?? [], context?.StoredAfterAck);

    /// <summary>
    /// A command's answer. A map message's JSON comes from the rendered-output cache for every read of an unchanged
    /// map (<see cref="SlackMessageRenderer.Json"/>), written once and the bytes reused.
    /// </summary>
    public static SlackAck Message(SlackMessage? message, SlackMessageRenderer renderer, SlackListenerContext context)
    {
        if (message is null)
            return Empty(context);
        var bytes = renderer.Json(message);
        return new(StatusCodes.Status200OK, (stream, ct) => stream.WriteAsync(bytes, ct).AsTask(), context.AfterAck, context.StoredAfterAck);
    }

    public static SlackAck Json<T>(T? value, JsonTypeInfo<T> typeInfo, SlackListenerContext? context) =>
        value is null
            ? Empty(context)
            : new(StatusCodes.Status200OK, (stream, ct) => JsonSerializer.SerializeAsync(stream, value, typeInfo, ct), context?.AfterAck ?? [], context?.StoredAfterAck);
}
