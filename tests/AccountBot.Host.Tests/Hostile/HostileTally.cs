using System.Globalization;
using System.Text;

namespace AccountBot.Host.Tests.Hostile;

/// <summary>Counts outcomes per endpoint and status, and renders them as the Markdown table the README shows.</summary>
internal sealed class HostileTally
{
    private readonly List<HostileOutcome> _outcomes = [];

    public IReadOnlyList<HostileOutcome> Failures => [.. _outcomes.Where(o => !o.Passed)];

    public int Count => _outcomes.Count;

    public void Add(HostileOutcome outcome) => _outcomes.Add(outcome);

    public string Table()
    {
        var columns = _outcomes.Select(o => o.Column).Distinct().OrderBy(c => c, StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        text.Append("| endpoint | inputs | ").AppendJoin(" | ", columns).AppendLine(" | defects |");
        text.Append("|---|---:|").Append(string.Concat(columns.Select(_ => "---:|"))).AppendLine("---:|");
        foreach (var endpoint in _outcomes.GroupBy(o => o.Case.Endpoint))
        {
            text.Append(CultureInfo.InvariantCulture, $"| `{endpoint.Key}` | {endpoint.Count()} | ");
            text.AppendJoin(" | ", columns.Select(c => endpoint.Count(o => o.Column == c) is var n and > 0 ? n.ToString(CultureInfo.InvariantCulture) : ""));
            text.AppendLine(CultureInfo.InvariantCulture, $" | {endpoint.Count(o => !o.Passed)} |");
        }

        text.AppendLine().AppendLine("| endpoint | category | inputs | statuses |").AppendLine("|---|---|---:|---|");
        foreach (var group in _outcomes.GroupBy(o => (o.Case.Endpoint, o.Case.Category)))
        {
            var statuses = string.Join(", ", group.GroupBy(o => o.Column).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}"));
            text.AppendLine(CultureInfo.InvariantCulture, $"| `{group.Key.Endpoint}` | {group.Key.Category} | {group.Count()} | {statuses} |");
        }

        return text.ToString();
    }

    public string FailureReport(int max = 40) =>
        $"{Failures.Count} of {Count} inputs found defects (HOSTILE_SEED={Corpus.Seed}):" + Environment.NewLine +
        string.Join(Environment.NewLine, Failures.Take(max).Select(f => $"- {f.Case} -> {f.Status}: {string.Join("; ", f.Defects)}"));
}
