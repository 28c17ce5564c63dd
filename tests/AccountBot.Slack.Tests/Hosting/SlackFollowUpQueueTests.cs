using AccountBot.Slack.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace AccountBot.Slack.Tests.Hosting;

public sealed class SlackFollowUpQueueTests
{
    [Fact]
    public void WhenIdleAsync_NothingQueued_CompletesAtOnce()
    {
        var queue = new SlackFollowUpQueue(NullLogger<SlackFollowUpQueue>.Instance);

        Assert.True(queue.WhenIdleAsync(CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task WhenIdleAsync_WorkQueuedThenRunning_CompletesOnlyWhenItHasFinished()
    {
        var queue = new SlackFollowUpQueue(NullLogger<SlackFollowUpQueue>.Instance);
        var worker = new SlackFollowUpWorker(queue, NullLogger<SlackFollowUpWorker>.Instance);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await queue.EnqueueAsync(async _ =>
        {
            started.SetResult();
            await release.Task;
        }, CancellationToken.None);

        var idle = queue.WhenIdleAsync(CancellationToken.None);
        Assert.False(idle.IsCompleted);
        await worker.StartAsync(CancellationToken.None);
        await started.Task;
        Assert.False(idle.IsCompleted);

        release.SetResult();
        await idle;
        await worker.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task WhenIdleAsync_WorkThatFails_StillCountsAsDone()
    {
        var queue = new SlackFollowUpQueue(NullLogger<SlackFollowUpQueue>.Instance);
        var worker = new SlackFollowUpWorker(queue, NullLogger<SlackFollowUpWorker>.Instance);
        await queue.EnqueueAsync(_ => throw new InvalidOperationException("boom"), CancellationToken.None);

        await worker.StartAsync(CancellationToken.None);
        await queue.WhenIdleAsync(CancellationToken.None);
        await worker.StopAsync(CancellationToken.None);
    }
}
