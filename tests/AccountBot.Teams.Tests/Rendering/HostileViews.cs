using AccountBot.Core.Accounts;
using AccountBot.Core.Channels;
using AccountBot.Core.Commands;
using AccountBot.Core.Features;
using AccountBot.Core.Features.Maps;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Reminders;
using AccountBot.Core.Views;
using AccountBot.Testing.Builders;
using Microsoft.Extensions.Time.Testing;
using static AccountBot.Teams.Tests.Rendering.HostileText;

namespace AccountBot.Teams.Tests.Rendering;

/// <summary>Every view the bot renders, filled with <see cref="HostileText"/> wherever user or file text goes.</summary>
internal static class HostileViews
{
    public static readonly UserRef Owner = new("aad-owner", OwnerName);

    /// <summary>A map named with markdown, one person whose name, title, next step and owner are markdown, through the core's view factory.</summary>
    public static MapView Map() =>
        new MapViewFactory(new CoverageOptions(), new FakeTimeProvider(SampleViews.Now)).Build(
            MapBuilder.For(SampleViews.Workspace).Named(MapName).OwnedBy(Owner)
                .WithStakeholder(PersonName, p => p.Titled(Title, department: NextStep).WithRoles(Role.Champion | Role.Blocker)
                    .OwnedBy(Owner).WithNextStep(NextStep, new DateOnly(2026, 3, 9)).WithNotes(Notes))
                .Build()) with { CommandName = MapName, Notice = OwnerName + " added " + PersonName + "." };

    public static StakeholderFormView Form() => SampleViews.FormWithErrors() with
    {
        Mode = FormMode.Edit,
        StakeholderId = SampleViews.JaneId,
        MapName = MapName,
        Values = SampleViews.FormWithErrors().Values with
        {
            Name = PersonName,
            Title = Title,
            Notes = Notes,
            NextStep = NextStep,
            OwnerId = OwnerName,
            OwnerName = OwnerName,
        },
        Errors = new Dictionary<string, string>
        {
            [StakeholderFields.General] = "Could not save " + PersonName + ".",
            [StakeholderFields.Name] = "\"" + PersonName + "\" is already on the map.",
            [StakeholderFields.Email] = "\"" + NextStep + "\" is not an e-mail address.",
        },
        People = [new PersonOption(SampleViews.JaneId, PersonName), new PersonOption(SampleViews.OmarId, Title)],
    };

    /// <summary>An import preview whose CSV cells (names, details, ignored column names) are markdown.</summary>
    public static ImportPreviewView ImportPreview() => new(
        SampleViews.MapId,
        MapName,
        MapName,
        SampleViews.ImportId,
        [new ImportLine(2, PersonName, Title + " · power 4")],
        [new ImportLine(3, OwnerName, "title: " + NextStep)],
        0,
        [new ImportLine(4, Title, "Reports To \"" + PersonName + "\" is neither on the map nor in this file.")],
        [MapName, NextStep]);

    public static IEnumerable<(string Name, Reply View)> All()
    {
        yield return ("hostile-map", Map());
        yield return ("hostile-form", Form());
        yield return ("hostile-import-preview", ImportPreview());
        yield return ("hostile-import-form", new ImportFormView(MapName, 1_000_000, 500)
        {
            CsvText = PersonName + "\n" + Title,
            Error = "The first row must be a header with a Name column. It reads: \"" + PersonName + "\", \"" + Title + "\". Nothing was changed.",
            ErrorField = ImportFormView.CsvField,
        });
        yield return ("hostile-digest", new Digest(
            [new DigestItem
            {
                MapId = SampleViews.MapId,
                Name = MapName,
                Owner = Owner,
                Gaps = [new CoverageGap(CoverageGapKind.NoChampion, "No champion")],
                Summary = "no champion; " + NextStep,
                Severity = 10,
                CommandName = MapName,
            }],
            0));
        yield return ("hostile-list", new MapListView([new MapListEntry(MapName, MapName, MapKind.Sales, OwnerName, 1, [], SampleViews.Now)], 1));
        yield return ("hostile-history", new HistoryView(MapName, MapName, [new HistoryEntry(SampleViews.MapId, 2, SampleViews.Now, Owner, "Added " + PersonName + " (" + Title + ")", [])]));
        yield return ("hostile-settings", new SettingsView(OwnerName, true, DayOfWeek.Monday, new TimeOnly(9, 0), "Europe/Paris", 30, 45, [MapName, NextStep], new Core.Channels.DeliveryFailure(SampleViews.Now, "403 " + PersonName)) { Notice = "Linked " + MapName + "." });
        yield return ("hostile-not-found", new MapNotFoundView(MapName, [NextStep]) { CreateCommand = "map \"x\" create" });
        yield return ("hostile-person-choice", new PersonChoiceView("Several people match \"" + PersonName + "\":", [new PersonChoice(PersonName + " (" + Title + ")", "map x edit id:1")]));
        yield return ("hostile-confirm-remove", new ConfirmRemoveView(SampleViews.MapId, MapName, SampleViews.JaneId, PersonName) { ConfirmCommand = "map x remove id:2c1f" });
        yield return ("hostile-picture", new PictureView(SampleViews.MapId, MapName, MapName, 2, MapPicture.Grid, [new PictureSection(Title, [PersonName + " (4/5)", NextStep])]));
        yield return ("hostile-notice", new NoticeView(Tone.Error, "I don't know the setting \"" + PersonName + "\".", "map " + MapName + " settings"));
        yield return ("hostile-export", SampleViews.Export() with { MapName = MapName, FileName = "`code`.csv", DownloadUrl = new Uri("https://bot.example.com/exports/x.csv") });
    }
}
