namespace AccountBot.Teams.Protocol;

/// <summary>A dialog: its title, its Adaptive Card (an attachment: <c>contentType</c> + <c>content</c>) and its size.</summary>
public sealed record TaskInfo(string Title, Attachment Card)
{
    /// <summary><c>small</c>, <c>medium</c>, <c>large</c> or pixels.</summary>
    public string? Height { get; init; }

    public string? Width { get; init; }
}
