using System.Text.Json;
using AccountBot.Core.Accounts;
using AccountBot.Core.Caching;
using AccountBot.Core.Reminders;
using AccountBot.Core.Views;
using AccountBot.Teams.Cards;
using AccountBot.Teams.Protocol;

namespace AccountBot.Teams.Rendering;

/// <summary>
/// Draws any core <see cref="Reply"/> as an Adaptive Card message and keeps it under Teams' size
/// limit: long lists are cut shorter ("and N more") until the activity fits. The map card is its own
/// (TeamsCardRenderer.Map.cs); the other views' cards come from their renderers.
/// </summary>
public sealed partial class TeamsCardRenderer(
    RenderedOutputCache rendered,
    StakeholderFormRenderer forms,
    DigestCardRenderer digests,
    ViewCardRenderer views,
    CsvCardRenderer csv)
{
    /// <summary>Room left under <see cref="MessageSize.MaxBytes"/> for the addressing the connector call adds (ids, names, serviceUrl).</summary>
    public const int Budget = MessageSize.MaxBytes - (4 * 1024);

    /// <summary>What the message around the card adds (type, contentType, mention entities are small).</summary>
    private const int EnvelopeBytes = 1024;

    private static readonly int[] Limits = [int.MaxValue, 60, 30, 15, 5, 0];

    /// <summary>Its name in <see cref="RenderKey.Platform"/>.</summary>
    public const string Platform = "teams";

    private static readonly HomeCardRenderer Home = new();

    /// <summary>A renderer with a cache of its own (tests and tools; the host shares one).</summary>
    public TeamsCardRenderer()
        : this(new RenderedOutputCache(TimeProvider.System), new StakeholderFormRenderer(), new DigestCardRenderer(), new ViewCardRenderer(), new CsvCardRenderer())
    {
    }

    /// <param name="currentUser">Who the card is for (the form offers them as relationship owner).</param>
    public AdaptiveCard Render(Reply reply, UserRef? currentUser = null) => Fit(reply, currentUser).Card;

    /// <summary>A message activity carrying the card; a keyed view's message is kept under its key.</summary>
    public Activity RenderMessage(Reply reply, UserRef? currentUser = null)
    {
        ArgumentNullException.ThrowIfNull(reply);

        // currentUser only shapes forms, which are never keyed: a keyed view that showed anything for one user would
        // name that user in its key (ViewKey.Viewer).
        return reply.CacheKey is { } key
            ? rendered.GetOrAdd(new RenderKey(Platform, key), () => Draw(reply, currentUser))
            : Draw(reply, currentUser);
    }

    private Activity Draw(Reply reply, UserRef? currentUser)
    {
        var (card, json) = Fit(reply, currentUser);
        using var document = JsonDocument.Parse(json);
        var message = Activity.CreateMessage(null, [new Attachment { ContentType = CardAttachment.ContentType, Content = document.RootElement.Clone() }]);
        return card.MsTeams?.Entities is { Count: > 0 } mentions ? message with { Entities = mentions } : message;
    }

    /// <summary>The card at the longest list length that fits, serialised once (the hot path of every reply).</summary>
    private (AdaptiveCard Card, byte[] Json) Fit(Reply reply, UserRef? currentUser)
    {
        ArgumentNullException.ThrowIfNull(reply);
        (AdaptiveCard, byte[]) fitted = default;
        foreach (var limit in Limits)
        {
            var card = Render(reply, currentUser, limit);
            var json = JsonSerializer.SerializeToUtf8Bytes(card, TeamsJsonContext.Default.AdaptiveCard);
            fitted = (card, json);
            if (json.Length + EnvelopeBytes < Budget)
                break;
        }

        return fitted;
    }

    private AdaptiveCard Render(Reply reply, UserRef? currentUser, int limit) => reply switch
    {
        MapView v => Map(v, Math.Min(limit, MaxMapPeople)),
        StakeholderFormView v => forms.Render(v, currentUser, Math.Min(limit, StakeholderFormRenderer.DefaultMaxPeople)),
        Digest v => digests.Render(v, Math.Max(1, Math.Min(limit, DigestCardRenderer.DefaultMaxItems))),
        HelpView v => views.Help(v),
        NoticeView v => views.Notice(v),
        MapNotFoundView v => views.MapNotFound(v),
        PersonChoiceView v => views.PersonChoice(v, Math.Min(limit, 25)),
        ConfirmRemoveView v => views.ConfirmRemove(v),
        IDangerConfirmation v => views.Confirmation(v),
        MapListView v => views.MapList(v, Math.Min(limit, ViewCardRenderer.DefaultMaxRows)),
        HomeView v => Home.Render(v, limit),
        HistoryView v => views.History(v, Math.Min(limit, ViewCardRenderer.DefaultMaxRows)),
        SettingsView v => views.Settings(v),
        PictureView v => views.Picture(v, Math.Min(limit, 60)),
        ExportView v => csv.Export(v),
        ImportFormView v => csv.ImportForm(v),
        ImportPreviewView v => csv.ImportPreview(v, Math.Min(limit, CsvCardRenderer.DefaultMaxLines)),
        _ => views.Notice(new NoticeView(Tone.Info, "Done.")),
    };
}
