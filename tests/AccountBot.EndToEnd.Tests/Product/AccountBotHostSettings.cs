namespace AccountBot.EndToEnd.Tests.Product;

/// <summary>How to start an <see cref="AccountBotHostProcess"/>.</summary>
public sealed record AccountBotHostSettings
{
    /// <summary>The development-only bypass the Playground needs (it sends no token).</summary>
    public bool AllowUnauthenticated { get; init; } = true;

    /// <summary>Where the database lives; kept when the host is disposed. Null: a fresh temp folder, deleted on dispose.</summary>
    public string? Folder { get; init; }

    /// <summary>The port on 127.0.0.1; null: a free one.</summary>
    public int? Port { get; init; }

    /// <summary>Extra environment variables (configuration such as <c>Reminders__Enabled</c>).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
