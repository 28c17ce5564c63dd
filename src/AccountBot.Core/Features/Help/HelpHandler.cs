using AccountBot.Core.Commands;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Text;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Help;

/// <summary><c>map</c> / <c>map help</c>: the examples card.</summary>
public sealed class HelpHandler : ICommandHandler<ShowHelp>
{
    /// <summary>The examples in the current UI culture (the commands themselves are never translated).</summary>
    public static IReadOnlyList<HelpExample> Examples =>
    [
        new("map Acme add Jane Doe, VP Finance, champion signer, power 5 interest 4, owner me, next demo by friday", Sentences.HelpExampleQuickAdd),
        new("map Acme add Jane Doe", Sentences.HelpExampleAdd),
        new("map Acme", Sentences.HelpExampleMap),
        new("map mine", Sentences.HelpExampleMine),
        new("map Acme edit Jane", Sentences.HelpExampleEdit),
        new("map Acme tag Jane champion signer", Sentences.HelpExampleTag),
        new("map Acme untag Jane blocker", Sentences.HelpExampleUntag),
        new("map Acme remove Jane", Sentences.HelpExampleRemove),
        new("map Acme grid", Sentences.HelpExampleGrid),
        new("map Acme reviewed", Sentences.HelpExampleReviewed),
        new("map Acme done Jane", Sentences.HelpExampleDone),
        new("map Acme history", Sentences.HelpExampleHistory),
        new("map Acme erase Jane", Sentences.HelpExampleErase),
        new("map Acme private", Sentences.HelpExamplePrivate),
        new("map Acme owner @jane", Sentences.HelpExampleOwner),
        new("map Acme delete", Sentences.HelpExampleDelete),
        new("map reassign @old.rep @new.rep", Sentences.HelpExampleReassign),
        new("map Acme link", Sentences.HelpExampleLink),
        new("map Acme links reset", Sentences.HelpExampleLinksReset),
        new("map Acme snooze", Sentences.HelpExampleSnooze),
        new("map list", Sentences.HelpExampleList),
        new("map settings", Sentences.HelpExampleSettings),
        new("map \"Add Corp\" add", Sentences.HelpExampleQuote),
    ];

    public Task<Reply> HandleAsync(ShowHelp command, RequestContext context, CancellationToken cancellationToken) =>
        Task.FromResult<Reply>(new HelpView(Examples, Sentences.HelpLead));
}
