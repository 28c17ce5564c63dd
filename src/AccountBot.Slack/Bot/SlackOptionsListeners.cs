using AccountBot.Core.Abstractions;
using AccountBot.Core.Commands;
using AccountBot.Slack.Blocks;
using AccountBot.Slack.Protocol;
using AccountBot.Slack.Rendering;
using AccountBot.Slack.Routing;

namespace AccountBot.Slack.Bot;

/// <summary>
/// The external selects: the stakeholder form's people (reports-to, related-to) and the map card's "Edit…" search,
/// each only from the requester's own workspace.
/// </summary>
public sealed class SlackOptionsListeners(IAccountMapStore maps)
{
    private const int MaxOptions = SlackLimits.OptionsPerSelect;

    /// <summary>People of the form's map (reports-to, related-to), filtered by what was typed; only in the requester's workspace.</summary>
    public async Task<OptionsResponse> OnPeopleOptionsAsync(BlockSuggestionPayload payload, SlackListenerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = FormMetadata.TryDecode(payload.View?.PrivateMetadata);
        if (metadata is null)
            return OptionsResponse.Empty;
        var map = await maps.GetAsync(context.Request.Workspace, metadata.MapId, cancellationToken);
        if (map is null)
            return OptionsResponse.Empty;
        return new OptionsResponse(Matching(map.Stakeholders, payload.Value, metadata.StakeholderId)
            .Select(p => new Option(new PlainText(Label(p.Name, p.Title)), p.Id.ToString("N"))));
    }

    /// <summary>The map card's "Edit…" search when a map has more people than a static select can hold.</summary>
    public async Task<OptionsResponse> OnEditSearchOptionsAsync(BlockSuggestionPayload payload, SlackListenerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(context);
        if (!payload.BlockId.StartsWith(SlackBotIds.MapCardBlockPrefix, StringComparison.Ordinal)
            || !Guid.TryParse(payload.BlockId.AsSpan(SlackBotIds.MapCardBlockPrefix.Length), out var mapId))
            return OptionsResponse.Empty;
        var map = await maps.GetAsync(context.Request.Workspace, mapId, cancellationToken);
        if (map is null)
            return OptionsResponse.Empty;
        var commands = CommandText.Map(map.Name);
        return new OptionsResponse(Matching(map.Stakeholders, payload.Value, null)
            .Select(p => new Option(new PlainText(Label(p.Name, p.Title)), commands.Edit(PersonRef.ForId(p.Id)))));
    }

    private static IEnumerable<AccountBot.Core.Accounts.Stakeholder> Matching(
        IEnumerable<AccountBot.Core.Accounts.Stakeholder> people, string? typed, Guid? except)
    {
        var query = typed?.Trim() ?? string.Empty;
        return people
            .Where(p => p.Id != except)
            .Where(p => query.Length == 0
                || p.Name.Contains(query, StringComparison.OrdinalIgnoreCase)
                || (p.Title?.Contains(query, StringComparison.OrdinalIgnoreCase) ?? false))
            .OrderBy(p => p.Name.StartsWith(query, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(p => p.Name, StringComparer.OrdinalIgnoreCase)
            .Take(MaxOptions);
    }

    private static string Label(string name, string? title) => title is { Length: > 0 } ? $"{name} ({title})" : name;
}
