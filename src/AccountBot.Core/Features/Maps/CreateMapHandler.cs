using AccountBot.Core.Accounts;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Maps;

/// <summary><c>map Acme create</c>: creates the map, owned by the asker and linked to this channel.</summary>
public sealed class CreateMapHandler(MapEditor editor, MapViewFactory views) : ICommandHandler<CreateMap>
{
    public async Task<Reply> HandleAsync(CreateMap command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var (map, created) = await editor.CreateAsync(context, command.Account, command.Kind, cancellationToken);
            var notice = created
                ? $"{context.User.Name} created the {command.Kind.ToString().ToLowerInvariant()} map {map.Name}. Add the people you know."
                : $"{map.Name} already has a map.";
            return views.Build(map, notice) with { Visibility = ReplyVisibility.Channel };
        }
        catch (DomainRuleException rule)
        {
            return new NoticeView(Tone.Error, rule.Message, "map Acme Corp create");
        }
    }
}
