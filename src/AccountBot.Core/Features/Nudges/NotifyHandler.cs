using System.Globalization;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Commands;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Nudges;
using AccountBot.Core.Text;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Nudges;

/// <summary><c>map notify [on|off|daily|weekly]</c>: the user's own nudge setting in this workspace, shown or saved.</summary>
public sealed class NotifyHandler(INotifySettingsStore store, TimeProvider time) : ICommandHandler<NotifyCommand>
{
    public async Task<Reply> HandleAsync(NotifyCommand command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var current = await store.GetAsync(context.Workspace, context.User.Id, cancellationToken);
        if (command.Mode is not { } mode)
        {
            return new NoticeView(Tone.Info, Format(Sentences.NotifyShow, Word(current?.Mode ?? NotifyMode.Daily)));
        }

        var saved = (current ?? new NotifySetting(context.Workspace, context.User.Id, mode)) with { Mode = mode, UpdatedAt = time.GetUtcNow() };
        await store.SaveAsync(saved, cancellationToken);
        return new NoticeView(Tone.Success, Format(Sentences.NotifySaved, Word(mode)));
    }

    private static string Word(NotifyMode mode) => mode switch
    {
        NotifyMode.Weekly => Sentences.NotifyModeWeekly,
        NotifyMode.Off => Sentences.NotifyModeOff,
        _ => Sentences.NotifyModeDaily,
    };

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.CurrentCulture, format, args);
}
