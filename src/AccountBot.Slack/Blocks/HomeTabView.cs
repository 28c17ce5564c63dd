namespace AccountBot.Slack.Blocks;

/// <summary>An App Home tab (<c>type: home</c>) published with <c>views.publish</c>; at most 100 blocks.</summary>
public sealed record HomeTabView
{
    public HomeTabView(IEnumerable<Block> blocks)
    {
        Blocks = SlackLimits.RequireCount(blocks, SlackLimits.BlocksPerModal, nameof(blocks));
    }

    public string Type => "home";

    public IReadOnlyList<Block> Blocks { get; }
}
