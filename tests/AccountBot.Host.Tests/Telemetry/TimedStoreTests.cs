using System.Diagnostics.Metrics;
using AccountBot.Adapters.Conversations;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace AccountBot.Host.Tests.Telemetry;

/// <summary>The store decorator is invisible to callers: same results, same exceptions, only a measurement more.</summary>
public sealed class TimedStoreTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly BotMetrics _metrics;
    private readonly MetricCollector<double> _durations;

    public TimedStoreTests()
    {
        var meters = _services.GetRequiredService<IMeterFactory>();
        _metrics = new BotMetrics(meters);
        _durations = new MetricCollector<double>(meters, BotTelemetry.MeterName, "accountbot.store.duration");
    }

    [Fact]
    public async Task Call_StoreAnswers_ReturnsItsResultAndRecordsTheCall()
    {
        var address = new ConversationAddress { Workspace = WorkspaceKey.ForSlack(null, "T0A"), ChannelId = "C1", ConversationId = "C1", UpdatedAt = DateTimeOffset.UnixEpoch };
        var store = TimedStore.Create<IConversationStore>(new Conversations(found: address), _metrics);

        Assert.Same(address, await store.GetAsync(address.Workspace, "C1", CancellationToken.None));

        var measured = Assert.Single(_durations.GetMeasurementSnapshot());
        Assert.Equal(nameof(IConversationStore), measured.Tags[BotTelemetry.StoreAttribute]);
        Assert.Equal(nameof(IConversationStore.GetAsync), measured.Tags[BotTelemetry.StoreOperationAttribute]);
        Assert.False(measured.Tags.ContainsKey("error.type"));
    }

    [Fact]
    public async Task Call_StoreTaskFaults_TheCallerSeesTheStoresExceptionAndTheCallIsRecordedAsAnError()
    {
        var store = TimedStore.Create<IConversationStore>(new Conversations(found: null), _metrics);

        await Assert.ThrowsAsync<IOException>(() => store.ListAsync(Platform.Slack, CancellationToken.None));

        Assert.Equal(nameof(IOException), Assert.Single(_durations.GetMeasurementSnapshot()).Tags["error.type"]);
    }

    [Fact]
    public void Call_StoreThrowsBeforeItsTask_TheCallerSeesTheStoresOwnException()
    {
        var store = TimedStore.Create<IConversationStore>(new Conversations(found: null), _metrics);

        // Thrown by the call itself, not in a task: the proxy must not turn one into the other.
        var thrown = Assert.Throws<ArgumentException>(() => { _ = store.SaveAsync(null!, CancellationToken.None); });

        Assert.Equal("address", thrown.ParamName);
        Assert.Equal(nameof(ArgumentException), Assert.Single(_durations.GetMeasurementSnapshot()).Tags["error.type"]);
    }

    [Fact]
    public async Task Call_StoreStillWorking_RecordedWhenItsTaskEnds()
    {
        var pending = new TaskCompletionSource<ConversationAddress?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var store = TimedStore.Create<IConversationStore>(new Conversations(found: null, pending: pending.Task), _metrics);

        var call = store.GetAsync(WorkspaceKey.ForSlack(null, "T0A"), "C1", CancellationToken.None);
        Assert.Empty(_durations.GetMeasurementSnapshot());
        pending.SetResult(null);

        Assert.Null(await call);
        await _durations.WaitForMeasurementsAsync(1).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(nameof(IConversationStore.GetAsync), Assert.Single(_durations.GetMeasurementSnapshot()).Tags[BotTelemetry.StoreOperationAttribute]);
    }

    [Fact]
    public async Task Call_NothingListens_TheCallerSeesTheSameResultsAndExceptions()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var unobserved = new BotMetrics(services.GetRequiredService<IMeterFactory>());
        var address = new ConversationAddress { Workspace = WorkspaceKey.ForSlack(null, "T0A"), ChannelId = "C1", ConversationId = "C1", UpdatedAt = DateTimeOffset.UnixEpoch };
        var store = TimedStore.Create<IConversationStore>(new Conversations(found: address), unobserved);

        Assert.False(unobserved.StoreCallsMeasured);
        Assert.Same(address, await store.GetAsync(address.Workspace, "C1", CancellationToken.None));
        await Assert.ThrowsAsync<IOException>(() => store.ListAsync(Platform.Slack, CancellationToken.None));
        Assert.Equal("address", Assert.Throws<ArgumentException>(() => { _ = store.SaveAsync(null!, CancellationToken.None); }).ParamName);
        Assert.Empty(_durations.GetMeasurementSnapshot());
    }

    public void Dispose()
    {
        _durations.Dispose();
        _metrics.Dispose();
        _services.Dispose();
    }

    /// <summary>Finds <c>found</c> (or answers with <c>pending</c>); saving throws at once (before any task), listing fails in its task.</summary>
    private sealed class Conversations(ConversationAddress? found, Task<ConversationAddress?>? pending = null) : IConversationStore
    {
        public Task SaveAsync(ConversationAddress address, CancellationToken cancellationToken) =>
            throw new ArgumentException("No address.", nameof(address));

        public Task<ConversationAddress?> GetAsync(WorkspaceKey workspace, string channelId, CancellationToken cancellationToken) =>
            pending ?? Task.FromResult(found);

        public Task<IReadOnlyList<ConversationAddress>> ListAsync(Platform platform, CancellationToken cancellationToken) =>
            Task.FromException<IReadOnlyList<ConversationAddress>>(new IOException("The disk is gone."));
    }
}
