using System.Globalization;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Maps;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Text;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.QuickAdd;

/// <summary>
/// The add form's "Add several" text: each line added exactly as <c>map Acme add</c> with several lines does
/// (<see cref="QuickAddHandler"/>), except that a form cannot half-save what it shows: a line not understood saves
/// nothing and comes back as a notice naming it, for the form to show next to the text.
/// </summary>
public sealed class SeveralLinesHandler(IAccountMapStore store, QuickAddHandler quickAdd)
{
    public async Task<Reply> AddAsync(Guid mapId, string text, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        // The form carries the map's id; the quick add finds it by name, as the command does.
        var map = await store.GetAsync(context.Workspace, mapId, cancellationToken);
        if (map is null || !context.Sees(map))
            return new NoticeView(Tone.Warning, Sentences.MapsGone, CommandText.List);

        var parsed = QuickAddParser.Parse(map.Name, text);
        if (parsed is InvalidCommand invalid)
            return new NoticeView(Tone.Warning, invalid.Error, invalid.Example);

        var command = (QuickAddStakeholders)parsed;

        var bad = command.Lines.Where(l => !l.Understood)
            .Select(l => string.Format(CultureInfo.CurrentCulture, Sentences.QuickAddLineNotUnderstood, l.Number, l.Name, string.Join("; ", l.Problems)))
            .ToList();
        return bad.Count > 0
            ? new NoticeView(Tone.Warning, string.Join(" ", [Sentences.QuickAddNothingSaved, .. bad]))
            : await quickAdd.HandleAsync(command, context, cancellationToken);
    }
}
