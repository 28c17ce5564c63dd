using System.Diagnostics;
using System.Globalization;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Storage.LiteDb;
using AccountBot.Testing.Builders;
using Microsoft.Extensions.Logging.Abstractions;

namespace AccountBot.Benchmarks;

/// <summary>
/// The benchmark data set: 10,000 maps × 30 stakeholders over 20 workspaces (500 maps each),
/// written through the real store; and one workspace holding <see cref="LargeWorkspaceMaps"/> maps (the
/// default <c>Limits:MapsPerWorkspace</c>). Seeding takes a while, so each seeded file is kept in the temp
/// folder as a template and each benchmark process works on its own copy.
/// </summary>
public static class SeededDatabase
{
    public const int Workspaces = 20;
    public const int MapsPerWorkspace = 500;
    public const int StakeholdersPerMap = 30;

    public const int LargeWorkspaceMaps = 10_000;

    private const string TemplateName = "accountbot-bench-v1-10000x30.db";
    private const string LargeTemplateName = "accountbot-bench-v1-1x10000x30.db";

    /// <summary>The workspace of <see cref="CopyLargeWorkspaceToTempFolder"/>.</summary>
    public static WorkspaceKey LargeWorkspace { get; } = WorkspaceKey.ForSlack("E0BENCH", "TLARGE");

    public static WorkspaceKey Workspace(int index) =>
        WorkspaceKey.ForSlack("E0BENCH", string.Create(CultureInfo.InvariantCulture, $"T{index:D2}"));

    public static string MapName(int index) => string.Create(CultureInfo.InvariantCulture, $"Account {index:D4}");

    /// <summary>A fresh copy of the seeded database in its own temp folder; delete the folder when done.</summary>
    public static string CopyToTempFolder() => Copy(TemplateName, [.. Enumerable.Range(0, Workspaces).Select(Workspace)], MapsPerWorkspace);

    /// <summary>As <see cref="CopyToTempFolder"/>, with the single <see cref="LargeWorkspace"/>.</summary>
    public static string CopyLargeWorkspaceToTempFolder() => Copy(LargeTemplateName, [LargeWorkspace], LargeWorkspaceMaps);

    private static string Copy(string templateName, IReadOnlyList<WorkspaceKey> workspaces, int mapsPerWorkspace)
    {
        var template = Path.Combine(Path.GetTempPath(), "accountbot-bench", templateName);
        if (!File.Exists(template))
        {
            Seed(template, workspaces, mapsPerWorkspace);
        }

        var folder = Path.Combine(Path.GetTempPath(), "accountbot-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var copy = Path.Combine(folder, "accountbot.db");
        File.Copy(template, copy);
        return copy;
    }

    private static void Seed(string template, IReadOnlyList<WorkspaceKey> workspaces, int mapsPerWorkspace)
    {
        var watch = Stopwatch.StartNew();
        var scratch = Path.Combine(Path.GetDirectoryName(template)!, "seeding-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(scratch);
        var building = Path.Combine(scratch, "accountbot.db");
        using (var context = new LiteDbContext(building, NullLogger<LiteDbContext>.Instance))
        {
            var store = new LiteDbAccountMapStore(context, TimeProvider.System, NullLogger<LiteDbAccountMapStore>.Instance);
            foreach (var workspace in workspaces)
            {
                for (var m = 0; m < mapsPerWorkspace; m++)
                {
                    var map = MapBuilder.For(workspace)
                        .Named(MapName(m))
                        .WithAliases(string.Create(CultureInfo.InvariantCulture, $"ACC{m:D4}"))
                        .LinkedTo(string.Create(CultureInfo.InvariantCulture, $"C{m % 25:D2}"))
                        .At(MapBuilder.DefaultTime.AddDays(-(m % 90)))
                        .WithStakeholders(StakeholdersPerMap)
                        .Build();
                    var history = new HistoryEntry(map.Id, 1, map.Created.At, map.Created.By, "created", []);
                    var result = store.SaveAsync(new MapWrite(map, history), CancellationToken.None).GetAwaiter().GetResult();
                    if (result.Outcome != SaveOutcome.Saved)
                    {
                        throw new InvalidOperationException($"Seeding {map.Name} failed: {result.Outcome}");
                    }
                }
            }
        }

        // Disposing checkpointed the log into the file: the file alone is the whole database.
        File.Move(building, template, overwrite: true);
        Directory.Delete(scratch, recursive: true);
        Console.WriteLine($"// Seeded {workspaces.Count * mapsPerWorkspace} maps into {template} in {watch.Elapsed.TotalSeconds:F0} s");
    }
}
