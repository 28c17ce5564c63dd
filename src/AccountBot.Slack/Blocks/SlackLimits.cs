namespace AccountBot.Slack.Blocks;

/// <summary>
/// Slack's Block Kit limits, enforced when a block, element or surface is constructed.
/// The policy: text that people read is <b>truncated</b> with an ellipsis, because a long account or stakeholder
/// name must not break a whole screen; identifiers, metadata, values and counts <b>throw</b>
/// <see cref="ArgumentException"/>, because cutting them would corrupt data or hide a bug that Slack would
/// otherwise answer with a bare <c>invalid_blocks</c>.
/// </summary>
public static class SlackLimits
{
    // Truncated (read by people).
    public const int ModalTitle = 24;
    public const int ModalButton = 24;
    public const int SectionText = 3000;
    public const int SectionField = 2000;
    public const int HeaderText = 150;
    public const int OptionText = 75;
    public const int OptionDescription = 75;
    public const int ButtonText = 75;
    public const int Placeholder = 150;
    public const int Label = 2000;
    public const int Hint = 2000;
    public const int ContextText = 3000;
    public const int AltText = 2000;
    public const int ConfirmTitle = 100;
    public const int ConfirmText = 300;
    public const int ConfirmButton = 30;
    public const int MessageText = 40_000;

    // Thrown (identifiers, data, counts).
    public const int Id = 255;
    public const int PrivateMetadata = 3000;
    public const int OptionValue = 150;
    public const int ButtonValue = 2000;
    public const int Url = 3000;
    public const int InputMaxLength = 3000;
    public const int BlocksPerModal = 100;
    public const int BlocksPerMessage = 50;
    public const int OptionsPerSelect = 100;
    public const int OptionGroupsPerSelect = 100;
    public const int OptionsPerCheckboxGroup = 10;
    public const int OptionsPerOverflowMin = 1;
    public const int OptionsPerOverflowMax = 5;
    public const int FieldsPerSection = 10;
    public const int ElementsPerActions = 25;
    public const int ElementsPerContext = 10;

    /// <summary>Throws unless <paramref name="value"/> is non-empty and at most <paramref name="max"/> characters.</summary>
    public static string RequireId(string value, string what, int max = Id)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, what);
        if (value.Length > max)
            throw new ArgumentException($"{what} is {value.Length} characters; Slack allows at most {max}.", what);
        return value;
    }

    /// <summary>Throws when <paramref name="value"/> is longer than <paramref name="max"/> (null passes).</summary>
    public static string? RequireMaxLength(string? value, int max, string what)
    {
        if (value is not null && value.Length > max)
            throw new ArgumentException($"{what} is {value.Length} characters; Slack allows at most {max}.", what);
        return value;
    }

    /// <summary>Materialises <paramref name="items"/> and throws when there are more than <paramref name="max"/> (or fewer than <paramref name="min"/>).</summary>
    public static IReadOnlyList<T> RequireCount<T>(IEnumerable<T> items, int max, string what, int min = 0)
    {
        ArgumentNullException.ThrowIfNull(items, what);
        var list = items.ToArray();
        if (list.Any(i => i is null))
            throw new ArgumentException($"{what} contains null.", what);
        if (list.Length > max)
            throw new ArgumentException($"{what} has {list.Length} items; Slack allows at most {max}.", what);
        if (list.Length < min)
            throw new ArgumentException($"{what} has {list.Length} items; Slack requires at least {min}.", what);
        return list;
    }
}
