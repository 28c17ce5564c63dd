using AccountBot.Core.Accounts;
using AccountBot.Core.Nudges;
using AccountBot.Core.Reminders;
using AccountBot.Testing.Builders;
using Xunit;

namespace AccountBot.Testing.Storage;

/// <summary>A nudge in the digest outbox: its frozen message reads back whole after a reopen, and its key is unique.</summary>
public abstract class NudgeOutboxContract(IStoreHarness harness) : StoreContract(harness)
{
    private static readonly WorkspaceKey Workspace = WorkspaceKey.ForSlack(null, "T1");
    private static readonly DateTimeOffset Now = MapBuilder.DefaultTime;

    [Fact]
    public async Task TryAddAsync_NudgeThenReopen_MessageAndStepsReadBack_AndTheSameKeyIsRefused()
    {
        var key = NudgeKeys.DueSteps(Workspace, "U1", new DateOnly(2025, 3, 3));
        var step = new NudgeStep(Guid.NewGuid(), "Acme Corp", Guid.NewGuid(), "Jane Doe", "send the proposal", new DateOnly(2025, 3, 1));
        var nudge = new PlannedNudge(key, new Nudge(NudgeOccasion.DueSteps, new UserRef("U1", "Ana Rep"), "Your next step on Jane Doe is due.", ["Jane Doe (Acme Corp): send the proposal"], [step]));
        var entry = new OutboxEntry { Key = key, State = OutboxState.Pending, Nudge = nudge, CreatedAt = Now, UpdatedAt = Now, NextAttemptAt = Now };

        Assert.True(await Outbox.TryAddAsync(entry, CancellationToken.None));
        await ReopenAsync();
        Assert.False(await Outbox.TryAddAsync(entry, CancellationToken.None));

        var stored = (await Outbox.GetAsync(key, CancellationToken.None))!;
        Assert.Null(stored.Digest);
        Assert.Equal(key, stored.Nudge!.Key);
        Assert.Equal((nudge.Nudge.Occasion, nudge.Recipient, nudge.Nudge.Title), (stored.Nudge.Nudge.Occasion, stored.Nudge.Recipient, stored.Nudge.Nudge.Title));
        Assert.Equal(nudge.Nudge.Lines, stored.Nudge.Nudge.Lines);
        Assert.Equal(step, Assert.Single(stored.Nudge.Nudge.Steps));
        Assert.Equal($"map Acme Corp done id:{step.StakeholderId:N}", stored.Nudge.Nudge.Steps[0].DoneCommand);
        Assert.Contains(key.Value, await Outbox.ListKeysAsync(Workspace, CancellationToken.None));
    }
}
