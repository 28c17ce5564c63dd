using System.Globalization;
using AccountBot.Core.Reminders;

namespace AccountBot.Reminders;

/// <summary>
/// The text of <c>reminders preview</c> and <c>reminders run-now</c>: one writer, whether the CLI ran the command
/// itself or the running bot's admin endpoint did.
/// </summary>
internal static class ReminderCliOutput
{
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    private static string Format(DateTimeOffset instant) => instant.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    private static string Channel(PlannedDigest digest) =>
        digest.Channel.Name is { } name ? $"#{name} ({digest.ChannelId})" : digest.ChannelId;

    public static async Task WritePreviewAsync(TextWriter output, ReminderPreview preview)
    {
        await output.WriteLineAsync($"Reminders preview at {Format(preview.At)}: nothing is sent or written.").ConfigureAwait(false);
        foreach (var digest in preview.Digests.OrderBy(d => d.Key.Value, StringComparer.Ordinal))
        {
            await WriteDigestAsync(output, "digest", digest).ConfigureAwait(false);
        }

        foreach (var nudge in preview.Nudges)
        {
            await WriteNudgeAsync(output, "nudge  ", nudge, preview.Unreachable.GetValueOrDefault(nudge.Key.Value)).ConfigureAwait(false);
        }

        foreach (var key in preview.Settled.OrderBy(k => k.Value, StringComparer.Ordinal))
        {
            await output.WriteLineAsync($"settled {key.Workspace.Value} {key.ChannelId} {key.Value}: nothing to report, or reminders off").ConfigureAwait(false);
        }

        foreach (var entry in preview.Pending)
        {
            var due = entry.NextAttemptAt is { } next ? Format(next) : "now";
            var what = entry.State == OutboxState.Sending
                ? $"outcome of attempt {entry.Attempts} unknown, resolved at {due}"
                : $"pending after {entry.Attempts} attempts, next at {due}";
            await output.WriteLineAsync($"queued  {entry.Key.Workspace.Value} {entry.Key.ChannelId} {entry.Key.Value}: {what}").ConfigureAwait(false);
        }

        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{preview.Digests.Count} digest(s) would be sent, {preview.Settled.Count} week(s) settled, {preview.Pending.Count} already queued.")).ConfigureAwait(false);
        if (preview.Nudges.Count > 0)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{preview.Nudges.Count} nudge(s) would be sent.")).ConfigureAwait(false);
        }
    }

    /// <summary>One line a nudge: whom, which key, how many steps, and its headline.</summary>
    /// <param name="skipped">Why it would not be sent (no address known for the person), or null.</param>
    private static Task WriteNudgeAsync(TextWriter output, string label, Core.Nudges.PlannedNudge nudge, string? skipped = null) =>
        output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{label} {nudge.Workspace.Value} {nudge.Recipient.Name} ({nudge.Recipient.Id}) {nudge.Key.Value}: {nudge.Nudge.Occasion}, {nudge.Nudge.Steps.Count} step(s): {nudge.Nudge.Title}{(skipped is null ? string.Empty : " [skipped: " + skipped + "]")}"));

    private static async Task WriteDigestAsync(TextWriter output, string label, PlannedDigest digest)
    {
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{label} {digest.Workspace.Value} {Channel(digest)} {digest.Key.Value}: {digest.Digest.TotalCount} account(s), occurrence {Format(digest.Occurrence)}")).ConfigureAwait(false);
        foreach (var item in digest.Items)
        {
            await output.WriteLineAsync($"  - {item.Name} (owner {item.Owner.Name}): {item.Summary}").ConfigureAwait(false);
        }

        if (digest.Digest.MoreText is { } more)
        {
            await output.WriteLineAsync($"  - {more} ({digest.Digest.ListCommand})").ConfigureAwait(false);
        }
    }

    public static async Task WriteRunAsync(TextWriter output, DateTimeOffset started, string? channel, ReminderRunReport report)
    {
        var scope = channel is null ? "all channels" : $"channel {channel}";
        await output.WriteLineAsync($"Reminders run at {Format(started)} for {scope}.").ConfigureAwait(false);
        foreach (var entry in report.Recovered)
        {
            var resolution = entry.State switch
            {
                OutboxState.Sent => "the platform has it, recorded as sent",
                OutboxState.Pending => "sending again",
                OutboxState.Failed => "given up",
                _ => $"asking the platform again at {(entry.NextAttemptAt is { } next ? Format(next) : "?")}",
            };
            await output.WriteLineAsync($"recovered {entry.Key.Value}: an earlier attempt's outcome was unknown; {resolution}: {entry.LastError}").ConfigureAwait(false);
        }

        foreach (var digest in report.Planned)
        {
            await WriteDigestAsync(output, "planned", digest).ConfigureAwait(false);
        }

        foreach (var nudge in report.Nudges)
        {
            await WriteNudgeAsync(output, "planned", nudge).ConfigureAwait(false);
        }

        foreach (var key in report.Settled)
        {
            await output.WriteLineAsync($"settled {key.Value}: nothing to report, or reminders off").ConfigureAwait(false);
        }

        foreach (var outcome in report.Outcomes)
        {
            var line = outcome.State switch
            {
                OutboxState.Sent => $"sent    {outcome.Key.Value} (attempt {outcome.Attempts}){(outcome.Detail is { } id ? " message " + id : string.Empty)}",
                OutboxState.Pending => $"retry   {outcome.Key.Value} (attempt {outcome.Attempts}) at {(outcome.NextAttemptAt is { } next ? Format(next) : "?")}: {outcome.Detail}",
                OutboxState.Failed => $"failed  {outcome.Key.Value} (attempt {outcome.Attempts}): {outcome.Detail}",
                OutboxState.Superseded => $"dropped {outcome.Key.Value}: {outcome.Detail}",
                _ => $"unknown {outcome.Key.Value} (attempt {outcome.Attempts}), resolved at {(outcome.NextAttemptAt is { } at ? Format(at) : "?")}: {outcome.Detail}",
            };
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }

        int Count(OutboxState state) => report.Outcomes.Count(o => o.State == state);
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{Count(OutboxState.Sent)} sent, {Count(OutboxState.Pending)} to retry, {Count(OutboxState.Failed)} failed, {Count(OutboxState.Sending)} unknown, {report.Settled.Count} settled.")).ConfigureAwait(false);
    }
}
