using System.Globalization;
using AccountBot.Core.Accounts;
using AccountBot.Storage.LiteDb;

namespace AccountBot.Operations;

/// <summary>
/// <c>workspace list</c>, <c>workspace export &lt;id&gt; [&lt;file&gt;]</c>, <c>workspace delete &lt;id&gt; --yes</c>. With
/// LiteDB held by a running bot they go through its admin endpoint (one writer); otherwise they run here.
/// </summary>
internal static class WorkspaceCli
{
    public const string Usage = """
          workspace list                    Every workspace with data: what it holds, and when a scheduled deletion is due.
          workspace export <id> [<file>]    Write everything workspace <id> (e.g. slack:T0123, teams:<tenant id>) has to a
                                            new JSON file, owner-only (default: ./accountbot-<id>-<time>.json).
          workspace delete <id> --yes       Delete everything workspace <id> has, now (asks for --yes).
        """;

    /// <summary>Whether <paramref name="args"/> is a well-formed workspace command (else the usage is shown).</summary>
    public static bool IsWellFormed(string[] args) =>
        args is ["workspace", "list"] or ["workspace", "export", { Length: > 0 }] or ["workspace", "export", { Length: > 0 }, { Length: > 0 }]
            or ["workspace", "delete", { Length: > 0 }] or ["workspace", "delete", { Length: > 0 }, "--yes"];

    public static async Task<int> RunAsync(WebApplication app, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        WorkspaceKey? workspace = null;
        if (args.Length > 2)
        {
            try
            {
                workspace = WorkspaceKey.Parse(args[2]);
            }
            catch (FormatException ex)
            {
                await error.WriteLineAsync($"workspace: {ex.Message}").ConfigureAwait(false);
                return CliExitCode.BadArguments;
            }
        }

        if (args is ["workspace", "delete", _])
        {
            await error.WriteLineAsync($"workspace delete: this deletes every map, history entry, setting and address of {workspace!.Value.Value} for good; run it again with --yes.").ConfigureAwait(false);
            return CliExitCode.BadArguments;
        }

        var target = args is ["workspace", "export", _, var file]
            ? Path.GetFullPath(file)
            : Path.GetFullPath(string.Create(CultureInfo.InvariantCulture, $"accountbot-{workspace?.Value.Replace(':', '-')}-{app.Services.GetRequiredService<TimeProvider>().GetUtcNow():yyyyMMdd-HHmmss}.json"));
        if (args[1] == "export" && File.Exists(target))
        {
            await error.WriteLineAsync($"workspace export: '{target}' exists: name a new file.").ConfigureAwait(false);
            return CliExitCode.CouldNotRun;
        }

        WorkspaceCommands commands;
        try
        {
            commands = app.Services.GetRequiredService<WorkspaceCommands>();
        }
        catch (LiteDbStartupException ex) when (ex.Failure == LiteDbStartupFailure.Locked)
        {
            return await ThroughTheBotAsync(CliHost.DatabasePath(app), args[1], workspace, target, output, error, cancellationToken).ConfigureAwait(false);
        }

        var text = args[1] switch
        {
            "list" => await commands.ListAsync(cancellationToken).ConfigureAwait(false),
            "export" => await commands.ExportAsync(workspace!.Value, target, cancellationToken).ConfigureAwait(false),
            _ => await commands.DeleteAsync(workspace!.Value, cancellationToken).ConfigureAwait(false),
        };
        await output.WriteAsync(text.EndsWith('\n') || text.Length == 0 ? text : text + Environment.NewLine).ConfigureAwait(false);
        return CliExitCode.Ok;
    }

    private static async Task<int> ThroughTheBotAsync(string database, string verb, WorkspaceKey? workspace, string target, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var id = workspace is { } w ? "?id=" + Uri.EscapeDataString(w.Value) : string.Empty;
        var answer = verb switch
        {
            "list" => await AdminClient.SendAsync(database, HttpMethod.Get, "workspaces", null, cancellationToken).ConfigureAwait(false),
            "export" => await AdminClient.SendAsync(database, HttpMethod.Post, "workspaces/export" + id, target, cancellationToken).ConfigureAwait(false),
            _ => await AdminClient.SendAsync(database, HttpMethod.Post, "workspaces/delete" + id, null, cancellationToken).ConfigureAwait(false),
        };
        if (answer is not { Succeeded: true })
        {
            await error.WriteLineAsync(answer is null
                ? $"workspace {verb}: the database at {database} is held by a running bot that has no admin endpoint (Admin:Enabled is false): stop the bot, or turn the endpoint on."
                : $"workspace {verb}: the running bot answered {(int)answer.Status}: {answer.Text}").ConfigureAwait(false);
            return CliExitCode.CouldNotRun;
        }

        await output.WriteAsync(answer.Text.EndsWith('\n') || answer.Text.Length == 0 ? answer.Text : answer.Text + Environment.NewLine).ConfigureAwait(false);
        return CliExitCode.Ok;
    }
}
