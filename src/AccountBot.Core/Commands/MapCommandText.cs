using AccountBot.Core.Channels;

namespace AccountBot.Core.Commands;

/// <summary>
/// The commands about one map (see <see cref="CommandText.Map"/>). A person is named as typed or as
/// <see cref="PersonRef.ForId"/>; left out, the text is the prefix a picker's value is appended to.
/// </summary>
public sealed record MapCommandText(string CommandName)
{
    /// <summary>Shows the map: <c>map Acme</c>.</summary>
    public string Open => CommandText.Prefix + " " + CommandName;

    public string Create(string? kind = null) => Verb("create", kind);

    public string Add(string? name = null) => Verb("add", name);

    public string Edit(string? person = null) => Verb("edit", person);

    public string Remove(string? person = null) => Verb("remove", person);

    /// <summary>What a quick add's Undo button sends (<paramref name="code"/> says what to put back).</summary>
    public string Undo(string code) => Verb("undo", code);

    /// <summary>Marks the person's next step done: <c>map Acme done Jane Doe</c> (a button names them by <see cref="PersonRef.ForId"/>).</summary>
    public string Done(string person) => Verb("done", person);

    /// <summary>What a "follow your champion" button sends (<paramref name="code"/> names the old map and the person).</summary>
    public string Follow(string code) => Verb("follow", code);

    public string ConfirmRemove(string person) => Verb("confirm-remove", person);

    /// <summary><c>tag</c> or <c>untag</c> a person with role words.</summary>
    public string Tag(string verb, string person, string roleWords) => Verb(verb, person + " " + roleWords);

    public string Reviewed => Verb("reviewed");

    public string History => Verb("history");

    public string Export => Verb("export");

    public string Snooze => Verb("snooze");

    /// <summary>Moves a person's next step due date on: <c>map Acme postpone "Jane Doe" day|week</c> (the nudge's Snooze button).</summary>
    public string Postpone(string person, string span) => Verb("postpone", Quoted(person) + " " + span);

    public string Link => Verb("link");

    public string LinksReset => Verb("links", "reset");

    public string Picture(MapPicture picture) => Verb(picture switch
    {
        MapPicture.Grid => "grid",
        MapPicture.Onion => "onion",
        MapPicture.Org => "org",
        _ => "raci",
    });

    private static string Quoted(string person) => "\"" + person + "\"";

    /// <summary>Any verb of the command language, with what follows it.</summary>
    public string Verb(string verb, string? rest = null) =>
        rest is { Length: > 0 } ? $"{Open} {verb} {rest}" : $"{Open} {verb}";
}
