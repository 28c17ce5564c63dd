using System.ComponentModel.DataAnnotations;

namespace AccountBot.Core.Accounts;

/// <summary>
/// How much one workspace may store, so that no workspace can slow down or fill up the bot for the others; bound to
/// the <c>Limits</c> configuration section. Over a limit the request is refused with a message naming it.
/// </summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";
    public const int DefaultMapsPerWorkspace = 10_000;
    public const int DefaultPeoplePerMap = 500;

    /// <summary>Maps one workspace may hold; creating one more is refused.</summary>
    [Range(1, 1_000_000)]
    public int MapsPerWorkspace { get; set; } = DefaultMapsPerWorkspace;

    /// <summary>People on one map; adding one more (form or CSV import) is refused.</summary>
    [Range(1, 5_000)]
    public int PeoplePerMap { get; set; } = DefaultPeoplePerMap;
}
