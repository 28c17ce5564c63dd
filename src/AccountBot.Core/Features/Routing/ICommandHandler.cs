using AccountBot.Core.Commands;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Routing;

/// <summary>One use case: takes its command and the verified request context, returns a neutral reply.</summary>
public interface ICommandHandler<in TCommand>
    where TCommand : BotCommand
{
    Task<Reply> HandleAsync(TCommand command, RequestContext context, CancellationToken cancellationToken);
}
