using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Text;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Admin;

/// <summary>
/// <c>map reassign @old @new</c>: an admin hands every relationship a departed rep owns, on every map of the workspace
/// (private ones too), to someone else: one save and one history entry per map, one summary for the admin only (it
/// names maps the channel may not see).
/// </summary>
public sealed class ReassignHandler(AdminGate gate, IAccountMapStore store, MapEditor editor) : ICommandHandler<ReassignRelationships>
{
    public async Task<Reply> HandleAsync(ReassignRelationships command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        if (!await gate.IsAdminAsync(context, cancellationToken))
        {
            var (platform, workspaceAdmins) = gate.WhoMay(context);
            return new NoticeView(Tone.Warning, AdminTexts.OnlyAdmins(Sentences.AdminWhatReassign, platform, workspaceAdmins));
        }

        var from = command.From.ToUser();
        var to = command.To.ToUser();
        var probe = new Stamp(DateTimeOffset.MinValue, context.User);
        var maps = await store.ListAsync(context.Workspace, cancellationToken);
        var changed = new List<string>();
        var busy = new List<string>();
        var relationships = 0;
        var fromName = from.Name;
        foreach (var map in maps.Where(m => m.ReassignRelationships(from, to, probe) is not null).OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase))
        {
            // The name the maps show for them (a mention may carry only the handle).
            fromName = map.Stakeholders.Select(s => s.RelationshipOwner).First(o => o is not null && AccountMap.IsSameRep(o, from))!.Name;
            var result = await editor.EditAsync(
                context,
                map.Id,
                (m, stamp) => m.ReassignRelationships(from, to, stamp) ?? throw new DomainRuleException(StakeholderFields.General, "nothing left to reassign"),
                null,
                cancellationToken);
            if (result is { Outcome: SaveOutcome.Saved, Write: { } write })
            {
                changed.Add(map.Name);
                relationships += write.History.Fields.Count;
            }
            else if (result.Outcome == SaveOutcome.VersionConflict)
            {
                busy.Add(map.Name);
            }
        }

        if (changed.Count == 0 && busy.Count == 0)
        {
            return new NoticeView(Tone.Warning, AdminTexts.Format(Sentences.AdminReassignedNone, from.Name));
        }

        var summary = AdminTexts.Format(
            Sentences.AdminReassigned,
            context.User.Name,
            relationships == 1 ? "1 relationship" : $"{relationships} relationships",
            fromName,
            to.Name,
            string.Join(", ", changed));
        if (busy.Count > 0)
        {
            summary += " " + AdminTexts.Format(Sentences.AdminReassignedBusy, string.Join(", ", busy));
        }

        return new NoticeView(busy.Count == 0 ? Tone.Success : Tone.Warning, summary);
    }
}
