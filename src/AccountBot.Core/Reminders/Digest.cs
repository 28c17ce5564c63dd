using System.Globalization;
using AccountBot.Core.Commands;
using AccountBot.Core.Views;

namespace AccountBot.Core.Reminders;

/// <summary>
/// The weekly digest as the Teams and Slack renderers draw it: a title, the worst accounts with their
/// buttons, and how many more there are with the command that lists them. Never empty: a channel with
/// nothing to report gets no digest.
/// </summary>
public sealed record Digest : Reply
{
    public const string ListAllCommand = CommandText.List;

    public Digest(IReadOnlyList<DigestItem> items, int moreCount)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfNegative(moreCount);
        if (items.Count == 0)
        {
            throw new ArgumentException("A digest lists at least one account.", nameof(items));
        }

        Items = items;
        MoreCount = moreCount;
        Visibility = ReplyVisibility.Channel;
    }

    /// <summary>E.g. "Weekly account review: 3 accounts need attention".</summary>
    public string Title => TotalCount == 1
        ? Text.Sentences.DigestTitleOne
        : string.Format(CultureInfo.InvariantCulture, Text.Sentences.DigestTitleMany, TotalCount);

    /// <summary>Worst first.</summary>
    public IReadOnlyList<DigestItem> Items { get; }

    /// <summary>Accounts that need attention but did not fit; 0 when all are shown.</summary>
    public int MoreCount { get; }

    public int TotalCount => Items.Count + MoreCount;

    /// <summary>"and 280 more", or null when every account is shown.</summary>
    public string? MoreText => MoreCount == 0 ? null : string.Create(CultureInfo.InvariantCulture, $"and {MoreCount} more");

    /// <summary>The command that lists every account (shown with <see cref="MoreText"/>).</summary>
    public string ListCommand => ListAllCommand;
}
