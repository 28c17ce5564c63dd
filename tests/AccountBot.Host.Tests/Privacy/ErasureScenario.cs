using System.Text;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Features.Csv;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Reminders;
using AccountBot.Core.Views;
using Microsoft.Extensions.DependencyInjection;

namespace AccountBot.Host.Tests.Privacy;

/// <summary>
/// A map a privacy officer would be asked to clean: Zelda Quixwort with her details, edited once (so the history
/// names her in several entries), John Roe who reports to her, influences her and whose notes name her, a previewed
/// import that names her, and a queued digest that names her. Seeded through the core of a running host.
/// </summary>
internal sealed class ErasureScenario(IServiceProvider services, RequestContext context)
{
    /// <summary>Everything that would identify her; none of it may be left anywhere after the erase.</summary>
    public static readonly string[] Traces = ["Zelda", "Quixwort", "zelda.q@acme.example", "Hates Tuesdays", "VP Zephyr", "Zephyr Labs"];

    public const string MapName = "Acme";

    public Guid MapId { get; private set; }
    public Guid ZeldaId { get; private set; }
    public string ImportId { get; private set; } = string.Empty;
    public DigestKey DigestKey { get; private set; }

    private CommandDispatcher Dispatcher => services.GetRequiredService<CommandDispatcher>();

    private IAccountMapStore Store => services.GetRequiredService<IAccountMapStore>();

    public async Task SeedAsync()
    {
        await Dispatcher.DispatchAsync($"map {MapName} create", context, CancellationToken.None);
        MapId = (await MapAsync()).Id;
        await SubmitAsync(null, new StakeholderFormValues { Name = "Zelda Quixwort", Title = "VP Zephyr", Email = "zelda.q@acme.example", Notes = "Hates Tuesdays", Roles = "Champion" });
        ZeldaId = (await MapAsync()).Stakeholders.Single().Id;
        await SubmitAsync(ZeldaId, new StakeholderFormValues { Name = "Zelda Quixwort", Title = "VP Zephyr", Department = "Zephyr Labs", Email = "zelda.q@acme.example", Notes = "Hates Tuesdays", Roles = "Champion" });
        await SubmitAsync(null, new StakeholderFormValues
        {
            Name = "John Roe",
            Notes = "Ask Zelda Quixwort first",
            ReportsToId = ZeldaId.ToString(),
            RelatedToId = ZeldaId.ToString(),
            RelationshipKind = "Influences",
        });

        var preview = await Dispatcher.PreviewImportAsync(MapName, "Name,Email\r\nZelda Quixwort,zelda.q@acme.example\r\n", context, CancellationToken.None);
        ImportId = Assert.IsType<ImportPreviewView>(preview).ImportId;

        DigestKey = new DigestKey(context.Workspace, context.Channel.Id, "2026-W49");
        var gaps = new List<CoverageGap> { new(CoverageGapKind.HighPowerWithoutOwner, "Zelda Quixwort (power 4) has no relationship owner", ZeldaId), new(CoverageGapKind.NoSigner, "no signer") };
        var item = new DigestItem { MapId = MapId, Name = MapName, Owner = context.User, Gaps = gaps, Summary = "no signer; Zelda Quixwort (power 4) has no relationship owner", Severity = 3, CommandName = MapName };
        var now = DateTimeOffset.UtcNow;
        Assert.True(await services.GetRequiredService<IDigestOutbox>().TryAddAsync(
            new OutboxEntry { Key = DigestKey, State = OutboxState.Sent, Digest = new PlannedDigest(DigestKey, context.Channel, now, new Digest([item], 0)), CreatedAt = now, UpdatedAt = now, SentAt = now },
            CancellationToken.None));
    }

    public async Task<AccountMap> MapAsync() => (await Store.FindByNameAsync(context.Workspace, MapName, CancellationToken.None))!;

    public Task<IReadOnlyList<HistoryEntry>> HistoryAsync() => Store.GetHistoryAsync(context.Workspace, MapId, int.MaxValue, CancellationToken.None);

    public Task<OutboxEntry?> DigestAsync() => services.GetRequiredService<IDigestOutbox>().GetAsync(DigestKey, CancellationToken.None);

    /// <summary>The confirm button of the previewed import, pressed now.</summary>
    public async Task<Reply> ApplyImportAsync() => (await Dispatcher.ApplyImportAsync(MapId, ImportId, context, CancellationToken.None)).Reply;

    /// <summary>Every trace of her found in <paramref name="text"/>.</summary>
    public static IReadOnlyList<string> TracesIn(string text) =>
        [.. Traces.Where(t => text.Contains(t, StringComparison.OrdinalIgnoreCase))];

    /// <summary>
    /// The database file and LiteDB's log file next to it, read as raw bytes while the bot still has them open (so
    /// nothing a close would do, such as its final checkpoint, helps), with every trace of her they hold.
    /// </summary>
    public static IReadOnlyList<string> TracesInDatabaseFiles(string databasePath)
    {
        var folder = Path.GetDirectoryName(databasePath)!;
        var files = Directory.GetFiles(folder, Path.GetFileNameWithoutExtension(databasePath) + "*").Where(f => !f.EndsWith(".lock", StringComparison.Ordinal));
        return [.. files.SelectMany(f => TracesIn(Read(f)).Select(t => $"{Path.GetFileName(f)}: {t}"))];
    }

    private static string Read(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return Encoding.UTF8.GetString(buffer.ToArray());
        }
        catch (FileNotFoundException)
        {
            return string.Empty;
        }
    }

    private async Task SubmitAsync(Guid? personId, StakeholderFormValues values)
    {
        var reply = await Dispatcher.SubmitStakeholderAsync(new StakeholderSubmission(MapId, personId, Guid.NewGuid().ToString("N"), values), context, CancellationToken.None);
        Assert.IsType<MapView>(reply.Reply);
    }
}
