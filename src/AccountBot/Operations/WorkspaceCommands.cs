using System.Globalization;
using System.Text.Json;
using AccountBot.Core.Accounts;
using AccountBot.Core.Workspaces;

namespace AccountBot.Operations;

/// <summary>
/// <c>workspace list | export | delete</c> as the operator sees them, run in whichever process may write the database:
/// the CLI's own (PostgreSQL, or LiteDB with the bot stopped) or the running bot's, through its admin endpoint.
/// </summary>
internal sealed class WorkspaceCommands(IWorkspaceDataStore store, WorkspaceRemovals removals)
{
    public async Task<string> ListAsync(CancellationToken cancellationToken)
    {
        var removalsByWorkspace = (await store.ListRemovalsAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(r => r.Workspace);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        foreach (var workspace in await store.ListWorkspacesAsync(cancellationToken).ConfigureAwait(false))
        {
            var counts = await store.CountAsync(workspace, cancellationToken).ConfigureAwait(false);
            var scheduled = removalsByWorkspace.TryGetValue(workspace, out var removal)
                ? string.Create(CultureInfo.InvariantCulture, $"; deleted after {removal.DeleteAfter:u} ({removal.Reason})")
                : string.Empty;
            await text.WriteLineAsync($"{workspace.Value}: {counts}{scheduled}").ConfigureAwait(false);
        }

        var listed = text.ToString();
        return listed.Length > 0 ? listed : "No workspace holds any data." + Environment.NewLine;
    }

    /// <summary>Writes every record of the workspace to <paramref name="target"/>, a new file readable by its owner only.</summary>
    /// <exception cref="IOException">The file exists (it is never overwritten) or cannot be written.</exception>
    public async Task<string> ExportAsync(WorkspaceKey workspace, string target, CancellationToken cancellationToken)
    {
        var export = await store.ExportAsync(workspace, cancellationToken).ConfigureAwait(false);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var file = new FileStream(target, options))
        await using (var json = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("workspace", export.Workspace.Value);
            json.WriteString("exportedAt", export.ExportedAt);
            json.WriteStartObject("tables");
            foreach (var (table, records) in export.Tables)
            {
                json.WriteStartArray(table);
                foreach (var record in records)
                {
                    json.WriteRawValue(record);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return string.Create(CultureInfo.InvariantCulture, $"Exported {export.Records} record(s) of {workspace.Value} to {target} (readable by its owner only).");
    }

    public async Task<string> DeleteAsync(WorkspaceKey workspace, CancellationToken cancellationToken)
    {
        var deleted = await removals.DeleteNowAsync(workspace, cancellationToken).ConfigureAwait(false);
        return $"Deleted the data of {workspace.Value}: {deleted}.";
    }
}
