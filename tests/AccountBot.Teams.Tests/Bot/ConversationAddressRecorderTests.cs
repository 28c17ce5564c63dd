using AccountBot.Adapters.Conversations;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Teams.Bot;
using AccountBot.Teams.Protocol;
using AccountBot.Teams.Tests.Rendering;
using AccountBot.Testing.Teams;
using Microsoft.Extensions.Time.Testing;

namespace AccountBot.Teams.Tests.Bot;

public sealed class ConversationAddressRecorderTests
{
    private readonly FakeTimeProvider _time = new(SampleViews.Now);
    private readonly CountingStore _store = new();

    [Fact]
    public async Task RecordAsync_SameAddressAgain_WritesOnce()
    {
        var recorder = new ConversationAddressRecorder(_store, _time);

        await recorder.RecordAsync(Address("https://smba.example/emea/"), force: false, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));
        await recorder.RecordAsync(Address("https://smba.example/emea/") with { UpdatedAt = _time.GetUtcNow() }, force: false, CancellationToken.None);

        Assert.Equal(1, _store.Saves);
    }

    [Fact]
    public async Task RecordAsync_ServiceUrlChanged_WritesAtOnce()
    {
        var recorder = new ConversationAddressRecorder(_store, _time);

        await recorder.RecordAsync(Address("https://smba.example/emea/"), force: false, CancellationToken.None);
        await recorder.RecordAsync(Address("https://smba.example/amer/"), force: false, CancellationToken.None);

        Assert.Equal(2, _store.Saves);
    }

    [Fact]
    public async Task RecordAsync_UnchangedButOld_RefreshesAndForcedAlwaysWrites()
    {
        var recorder = new ConversationAddressRecorder(_store, _time);

        await recorder.RecordAsync(Address("https://smba.example/emea/"), force: false, CancellationToken.None);
        _time.Advance(ConversationAddressRecorder.RefreshAfter);
        await recorder.RecordAsync(Address("https://smba.example/emea/"), force: false, CancellationToken.None);
        await recorder.RecordAsync(Address("https://smba.example/emea/"), force: true, CancellationToken.None);

        Assert.Equal(3, _store.Saves);
    }

    [Fact]
    public async Task RecordAsync_MoreConversationsThanKept_StaysWithinTheBound()
    {
        var recorder = new ConversationAddressRecorder(_store, _time);

        for (var i = 0; i < ConversationAddressRecorder.MaxKept + 500; i++)
        {
            var id = "a:chat-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await recorder.RecordAsync(Address("https://smba.example/emea/") with { ChannelId = id, ConversationId = id }, force: false, CancellationToken.None);
        }

        Assert.InRange(recorder.Count, 1, ConversationAddressRecorder.MaxKept);
        Assert.Equal(ConversationAddressRecorder.MaxKept + 500, _store.Saves);
    }

    [Fact]
    public async Task RecordAsync_OldEntries_ForgottenBeforeRecentOnes()
    {
        var recorder = new ConversationAddressRecorder(_store, _time);
        for (var i = 0; i < ConversationAddressRecorder.MaxKept; i++)
        {
            var id = "a:old-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await recorder.RecordAsync(Address("https://smba.example/emea/") with { ChannelId = id, ConversationId = id }, force: false, CancellationToken.None);
        }

        _time.Advance(ConversationAddressRecorder.RefreshAfter);
        await recorder.RecordAsync(Address("https://smba.example/emea/") with { UpdatedAt = _time.GetUtcNow() }, force: false, CancellationToken.None);
        await recorder.RecordAsync(Address("https://smba.example/emea/") with { UpdatedAt = _time.GetUtcNow() }, force: false, CancellationToken.None);

        Assert.Equal(1, recorder.Count);
        Assert.Equal(ConversationAddressRecorder.MaxKept + 1, _store.Saves);
    }

    [Fact]
    public async Task RecordAsync_Turn_WritesTheConversationAndTheSenderOnce()
    {
        var recorder = new ConversationAddressRecorder(_store, _time);
        var turn = PrivateChannelContextTests.Turn(new ActivityBuilder().InChannel("map list").Build());

        await recorder.RecordAsync(turn, CancellationToken.None);
        await recorder.RecordAsync(turn, CancellationToken.None);

        Assert.Equal(
            [turn.Context!.Channel.Id, ConversationAddress.UserChannelId(turn.Context.User.Id)],
            _store.Saved.Select(a => a.ChannelId));
    }

    [Fact]
    public async Task RecordAsync_TurnInASharedChannel_WritesTheConversationOnly()
    {
        var recorder = new ConversationAddressRecorder(_store, _time);
        var activity = new ActivityBuilder().InChannel("map list")
            .With(a => a with { ChannelData = a.ChannelData! with { Channel = a.ChannelData.Channel! with { Type = "shared" } } })
            .Build();

        await recorder.RecordAsync(PrivateChannelContextTests.Turn(activity), CancellationToken.None);

        Assert.Equal(ConversationTypes.SharedChannel, Assert.Single(_store.Saved).ConversationType);
    }

    private ConversationAddress Address(string serviceUrl) => new()
    {
        Workspace = SampleViews.Workspace,
        ChannelId = "a:chat-1",
        ConversationId = "a:chat-1",
        ServiceUrl = serviceUrl,
        UpdatedAt = _time.GetUtcNow(),
    };

    private sealed class CountingStore : IConversationStore
    {
        public List<ConversationAddress> Saved { get; } = [];

        public int Saves => Saved.Count;

        public Task SaveAsync(ConversationAddress address, CancellationToken cancellationToken)
        {
            Saved.Add(address);
            return Task.CompletedTask;
        }

        public Task<ConversationAddress?> GetAsync(WorkspaceKey workspace, string channelId, CancellationToken cancellationToken) => Task.FromResult<ConversationAddress?>(null);

        public Task<IReadOnlyList<ConversationAddress>> ListAsync(Platform platform, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ConversationAddress>>([]);
    }
}
