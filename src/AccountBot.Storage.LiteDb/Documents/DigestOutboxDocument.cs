using System.Text.Json;
using AccountBot.Core.Accounts;
using AccountBot.Core.Nudges;
using AccountBot.Core.Reminders;

namespace AccountBot.Storage.LiteDb.Documents;

/// <summary>
/// Stored form of an <see cref="OutboxEntry"/>. The primary key is <see cref="DigestKey.Value"/>
/// (<c>{workspace}|{channel}|{week}</c>), so the _id index makes a digest unique per channel and week.
/// The digest is frozen as planned, so a restart sends exactly what was planned.
/// </summary>
public sealed class DigestOutboxDocument
{
    public const string Collection = "digest_outbox";

    private static readonly JsonSerializerOptions NudgeJsonOptions = new(JsonSerializerDefaults.Web);

    public string Id { get; set; } = string.Empty;
    public string Workspace { get; set; } = string.Empty;
    public string ChannelId { get; set; } = string.Empty;
    public string Week { get; set; } = string.Empty;
    public OutboxState State { get; set; }
    public int Revision { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Attempts { get; set; }
    public int ThrottledAttempts { get; set; }
    public int Checks { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public Guid? AttemptId { get; set; }
    public DateTime? AttemptStartedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public string? MessageId { get; set; }
    public string? LastError { get; set; }

    // The planned digest; absent for settled weeks.
    public ChannelRefDocument? Channel { get; set; }
    public DateTime? Occurrence { get; set; }
    public List<DigestItemDocument>? Items { get; set; }
    public int MoreCount { get; set; }

    // A nudge's direct message (JSON), frozen when planned; absent for digests.
    public string? NudgeJson { get; set; }

    public static DigestOutboxDocument From(OutboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var digest = entry.Digest;
        return new()
        {
            Id = entry.Key.Value,
            Workspace = entry.Key.Workspace.Value,
            ChannelId = entry.Key.ChannelId,
            Week = entry.Key.Week,
            State = entry.State,
            Revision = entry.Revision,
            CreatedAt = StoredDates.ToStored(entry.CreatedAt),
            UpdatedAt = StoredDates.ToStored(entry.UpdatedAt),
            Attempts = entry.Attempts,
            ThrottledAttempts = entry.ThrottledAttempts,
            Checks = entry.Checks,
            NextAttemptAt = entry.NextAttemptAt is { } next ? StoredDates.ToStored(next) : null,
            AttemptId = entry.AttemptId,
            AttemptStartedAt = entry.AttemptStartedAt is { } started ? StoredDates.ToStored(started) : null,
            SentAt = entry.SentAt is { } sent ? StoredDates.ToStored(sent) : null,
            MessageId = entry.MessageId,
            LastError = entry.LastError,
            Channel = digest is null ? null : ChannelRefDocument.From(digest.Channel),
            Occurrence = digest is null ? null : StoredDates.ToStored(digest.Occurrence),
            Items = digest is null ? null : [.. digest.Items.Select(DigestItemDocument.From)],
            MoreCount = digest?.MoreCount ?? 0,
            NudgeJson = entry.Nudge is { } nudge ? JsonSerializer.Serialize(nudge.Nudge, NudgeJsonOptions) : null,
        };
    }

    public OutboxEntry ToDomain()
    {
        var key = new DigestKey(WorkspaceKey.Parse(Workspace), ChannelId, Week);
        PlannedDigest? digest = Channel is { } channel && Occurrence is { } occurrence && Items is { Count: > 0 } items
            ? new PlannedDigest(key, channel.ToDomain(), StoredDates.FromStored(occurrence), new Digest([.. items.Select(i => i.ToDomain())], MoreCount))
            : null;
        return new OutboxEntry
        {
            Key = key,
            State = State,
            Digest = digest,
            Nudge = NudgeJson is { } json ? new PlannedNudge(key, JsonSerializer.Deserialize<Nudge>(json, NudgeJsonOptions)!) : null,
            Revision = Revision,
            CreatedAt = StoredDates.FromStored(CreatedAt),
            UpdatedAt = StoredDates.FromStored(UpdatedAt),
            Attempts = Attempts,
            ThrottledAttempts = ThrottledAttempts,
            Checks = Checks,
            NextAttemptAt = NextAttemptAt is { } next ? StoredDates.FromStored(next) : null,
            AttemptId = AttemptId,
            AttemptStartedAt = AttemptStartedAt is { } started ? StoredDates.FromStored(started) : null,
            SentAt = SentAt is { } sent ? StoredDates.FromStored(sent) : null,
            MessageId = MessageId,
            LastError = LastError,
        };
    }
}
