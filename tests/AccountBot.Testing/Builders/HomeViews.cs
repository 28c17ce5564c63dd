using System.Globalization;
using AccountBot.Core.Commands;
using AccountBot.Core.Views;

namespace AccountBot.Testing.Builders;

/// <summary>"Your accounts" (<see cref="HomeView"/>) in the states the renderers must draw: empty, one of each, and many.</summary>
public static class HomeViews
{
    public static readonly DateOnly Today = new(2026, 3, 2);

    public static HomeView Empty() => new("Ana Rep", Today, [], 0, [], 0, [], 0);

    public static HomeView One() => Many(1);

    /// <param name="count">How many maps, people and changes; the lists hold at most the handler's bounds, the totals all.</param>
    public static HomeView Many(int count)
    {
        var maps = Enumerable.Range(1, count).Select(i => new HomeMap(Name("Account", i), i, i % 3, i % 4 == 0, CommandText.Map(Name("Account", i)).Open)).ToList();
        var steps = Enumerable.Range(1, count).Select(i => new HomeStep(
            Name("Account", i), Name("Person", i), i % 5 == 0 ? null : "Send the pricing <b>sheet</b> & *agenda*", Today.AddDays(i - 3), i < 3,
            CommandText.Map(Name("Account", i)).Open, i % 5 == 0 ? null : CommandText.Map(Name("Account", i)).Done(PersonRef.ForId(Guid.NewGuid())))).ToList();
        var changes = Enumerable.Range(1, count).Select(i => new HomeChange(
            Name("Account", i), new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero).AddMinutes(-i), "Bo Colleague", "added " + Name("Person", i), CommandText.Map(Name("Account", i)).Open)).ToList();
        return new HomeView("Ana Rep", Today, [.. maps.Take(10)], count, [.. steps.Take(15)], count, [.. changes.Take(10)], count);
    }

    private static string Name(string what, int i) => string.Create(CultureInfo.InvariantCulture, $"{what} {i:D3}");
}
