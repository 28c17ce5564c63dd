namespace AccountBot.Teams.Cards;

/// <summary><c>Action.OpenUrl</c>.</summary>
public sealed record OpenUrlAction : CardAction
{
    public OpenUrlAction(string title, Uri url)
        : base(title)
    {
        ArgumentNullException.ThrowIfNull(url);
        Url = url;
    }

    public Uri Url { get; init; }
}
