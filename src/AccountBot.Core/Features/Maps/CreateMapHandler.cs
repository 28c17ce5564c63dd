using System.Globalization;
using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Text;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Maps;

/// <summary><c>map Acme create</c>: creates the map, owned by the asker and linked to this channel;
/// private when the channel is.</summary>
public sealed class CreateMapHandler(MapEditor editor, MapViewFactory views) : ICommandHandler<CreateMap>
{
    public async Task<Reply> HandleAsync(CreateMap command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var (map, created) = await editor.CreateAsync(context, command.Account, command.Kind, cancellationToken);
            if (!context.Sees(map))
            {
                // The name is unique in the workspace, so it cannot be created again here; only its existence shows.
                return new NoticeView(Tone.Warning, string.Format(CultureInfo.CurrentCulture, Sentences.AdminNameTaken, command.Account));
            }

            var notice = created
                ? string.Format(CultureInfo.CurrentCulture, Sentences.MapsCreated, context.User.Name, command.Kind.ToString().ToLowerInvariant(), map.Name)
                : string.Format(CultureInfo.CurrentCulture, Sentences.MapsAlreadyExists, map.Name);
            return views.Build(map, notice) with { Visibility = ReplyVisibility.Channel };
        }
        catch (DomainRuleException rule)
        {
            return new NoticeView(Tone.Error, rule.Message, "map Acme Corp create");
        }
    }
}
