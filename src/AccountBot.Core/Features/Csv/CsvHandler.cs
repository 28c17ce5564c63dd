using AccountBot.Core.Commands;
using AccountBot.Core.Views;

namespace AccountBot.Core.Features.Csv;

/// <summary>
/// <c>map Acme export</c> / <c>map import</c>. CSV files are not built yet; say so plainly rather
/// than pretend, and point at what works today.
/// </summary>
public sealed class CsvHandler : ICommandHandler<ExportCsv>, ICommandHandler<ImportCsv>
{
    public Task<Reply> HandleAsync(ExportCsv command, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Task.FromResult<Reply>(new NoticeView(Tone.Info, "CSV export is not available yet. The map card and `history` show everything on the map.", $"map {CommandParser.Quote(command.Account)}"));
    }

    public Task<Reply> HandleAsync(ImportCsv command, RequestContext context, CancellationToken cancellationToken) =>
        Task.FromResult<Reply>(new NoticeView(Tone.Info, "CSV import is not available yet. Add people one by one with the form for now.", "map Acme add Jane Doe"));
}
