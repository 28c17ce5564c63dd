using System.Globalization;

namespace AccountBot.Slack.Protocol;

/// <summary>
/// <c>view.state.values</c> with typed accessors. Each accessor returns null (or an empty list) when the block,
/// the action or the value is absent — Slack leaves out optional inputs the user did not fill.
/// </summary>
public sealed record SlackViewState
{
    // Absent values read as null from the source-generated reader: keep the empty default then.
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, SlackViewStateValue>> Values { get; init => field = value ?? new Dictionary<string, IReadOnlyDictionary<string, SlackViewStateValue>>(); } =
        new Dictionary<string, IReadOnlyDictionary<string, SlackViewStateValue>>();

    /// <summary>The value of an input; null also when the payload has null in its place (a block or value of null).</summary>
    public SlackViewStateValue? Find(string blockId, string actionId) =>
        Values.TryGetValue(blockId, out var block) && block is not null && block.TryGetValue(actionId, out var value) ? value : null;

    /// <summary><c>plain_text_input</c> (also email/url inputs): the typed text, null when empty.</summary>
    public string? GetText(string blockId, string actionId) =>
        Find(blockId, actionId)?.Value is { Length: > 0 } text ? text : null;

    /// <summary><c>number_input</c>: Slack sends the number as a string.</summary>
    public decimal? GetNumber(string blockId, string actionId) =>
        decimal.TryParse(Find(blockId, actionId)?.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary><c>static_select</c>, <c>external_select</c>, <c>radio_buttons</c>.</summary>
    public SlackOptionValue? GetSelectedOption(string blockId, string actionId) =>
        Find(blockId, actionId)?.SelectedOption;

    /// <summary><c>multi_static_select</c>, <c>multi_external_select</c>, <c>checkboxes</c>.</summary>
    public IReadOnlyList<SlackOptionValue> GetSelectedOptions(string blockId, string actionId) =>
        Find(blockId, actionId)?.SelectedOptions?.Where(o => o is not null).ToList() ?? [];

    /// <summary><c>users_select</c>: a user id.</summary>
    public string? GetSelectedUser(string blockId, string actionId) =>
        Find(blockId, actionId)?.SelectedUser;

    /// <summary><c>multi_users_select</c>: user ids.</summary>
    public IReadOnlyList<string> GetSelectedUsers(string blockId, string actionId) =>
        Find(blockId, actionId)?.SelectedUsers ?? [];

    /// <summary><c>datepicker</c>: <c>YYYY-MM-DD</c>.</summary>
    public DateOnly? GetDate(string blockId, string actionId) =>
        DateOnly.TryParseExact(Find(blockId, actionId)?.SelectedDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
