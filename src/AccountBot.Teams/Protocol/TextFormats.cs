namespace AccountBot.Teams.Protocol;

/// <summary><c>textFormat</c> values.</summary>
public static class TextFormats
{
    public const string Plain = "plain";
    public const string Markdown = "markdown";
    public const string Xml = "xml";
}
