namespace AccountBot.EndToEnd.Tests.Harness;

/// <summary>
/// Everything a test needs against one bot endpoint: the installed package, a running Playground, a client
/// and both WebSocket streams, opened before anything is sent so no frame is missed.
/// </summary>
public sealed class PlaygroundSession : IAsyncDisposable
{
    private PlaygroundSession(
        PlaygroundInstallation installation,
        PlaygroundProcess process,
        PlaygroundClient client,
        PlaygroundStream<ConversationFrame> conversation,
        PlaygroundStream<LogFrame> log)
    {
        Installation = installation;
        Process = process;
        Client = client;
        Conversation = conversation;
        Log = log;
    }

    public PlaygroundInstallation Installation { get; }
    public PlaygroundProcess Process { get; }
    public PlaygroundClient Client { get; }

    /// <summary>createMessage / updateMessage / typing frames: what the user would see.</summary>
    public PlaygroundStream<ConversationFrame> Conversation { get; }

    /// <summary>Every call to and from the bot with its HTTP status.</summary>
    public PlaygroundStream<LogFrame> Log { get; }

    public static async Task<PlaygroundSession> StartAsync(Uri botEndpoint, PlaygroundTeamsIds? teamsIds, CancellationToken cancellationToken)
    {
        var installation = await PlaygroundInstallation.EnsureInstalledAsync(cancellationToken);
        var process = await PlaygroundProcess.StartAsync(
            installation, new PlaygroundOptions { BotEndpoint = botEndpoint, TeamsIds = teamsIds }, cancellationToken);
        PlaygroundClient? client = null;
        PlaygroundStream<ConversationFrame>? conversation = null;
        try
        {
            client = new PlaygroundClient(process.BaseAddress);
            conversation = await client.OpenConversationStreamAsync(cancellationToken);
            var log = await client.OpenLogStreamAsync(cancellationToken);
            return new PlaygroundSession(installation, process, client, conversation, log);
        }
        catch
        {
            if (conversation is not null)
                await conversation.DisposeAsync();
            client?.Dispose();
            await process.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Conversation.DisposeAsync();
        await Log.DisposeAsync();
        Client.Dispose();
        await Process.DisposeAsync();
    }
}
