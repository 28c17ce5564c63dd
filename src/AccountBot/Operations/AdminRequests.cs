using System.Globalization;
using System.Net;
using AccountBot.Core.Accounts;
using AccountBot.Core.Reminders;
using AccountBot.Reminders;
using AccountBot.Storage.LiteDb;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AccountBot.Operations;

/// <summary>
/// What the admin endpoint answers, in the running bot's own services (so the database has one writer):
/// <c>POST /reminders/preview[?at=]</c>, <c>POST /reminders/run-now[?channel=]</c> (the CLI's text),
/// <c>POST /backup</c> (body: the target file's full path), <c>GET /status</c> (the readiness checks),
/// <c>GET /workspaces</c>, <c>POST /workspaces/export?id=</c> (body: the target file's full path), <c>POST /workspaces/delete?id=</c>.
/// Anything not from loopback is 404, anything without the token 401; neither says more.
/// </summary>
internal sealed class AdminRequests(
    ReminderRunner reminders,
    TimeProvider time,
    HealthCheckService health,
    WorkspaceCommands workspaces,
    IServiceProvider services,
    ILogger<AdminRequests> logger)
{
    public const long MaxBodyBytes = 16 * 1024;
    private const string Bearer = "Bearer ";

    public async Task HandleAsync(HttpContext context, string token)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var remote = context.Connection.RemoteIpAddress;
        if (remote is null || !IPAddress.IsLoopback(remote))
        {
            OperationsLog.AdminRefused(logger, remote?.ToString(), request.Path, "not from loopback");
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var authorization = request.Headers.Authorization.ToString();
        var presented = authorization.StartsWith(Bearer, StringComparison.Ordinal) ? authorization[Bearer.Length..] : null;
        if (!AdminEndpointFile.Matches(token, presented))
        {
            OperationsLog.AdminRefused(logger, remote.ToString(), request.Path, presented is null ? "no token" : "wrong token");
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var command = $"{request.Method} {request.Path}";
        OperationsLog.AdminCommand(logger, command);
        var (status, text) = await AnswerAsync(request, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(text, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task<(int Status, string Text)> AnswerAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        switch (request.Method, request.Path.Value)
        {
            case ("POST", "/reminders/preview"):
                DateTimeOffset? at = null;
                if (request.Query["at"] is [{ } text])
                {
                    if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                        return (StatusCodes.Status400BadRequest, $"'{text}' is not a date and time such as 2026-12-07T09:00Z.");
                    at = parsed;
                }

                var preview = await reminders.PreviewAsync(at ?? time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                await ReminderCliOutput.WritePreviewAsync(output, preview).ConfigureAwait(false);
                return (StatusCodes.Status200OK, output.ToString());
            case ("POST", "/reminders/run-now"):
                var channel = request.Query["channel"] is [{ Length: > 0 } c] ? c : null;
                var started = time.GetUtcNow();
                var report = await reminders.RunAsync(channel, cancellationToken).ConfigureAwait(false);
                await ReminderCliOutput.WriteRunAsync(output, started, channel, report).ConfigureAwait(false);
                return (StatusCodes.Status200OK, output.ToString());
            case ("POST", "/backup"):
                using (var reader = new StreamReader(request.Body))
                {
                    var target = (await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false)).Trim();
                    if (!Path.IsPathFullyQualified(target))
                        return (StatusCodes.Status400BadRequest, "the backup target must be a full path.");
                    return Backup(target);
                }

            case ("GET", "/workspaces"):
                return (StatusCodes.Status200OK, await workspaces.ListAsync(cancellationToken).ConfigureAwait(false));
            case ("POST", "/workspaces/export" or "/workspaces/delete"):
                return await WorkspaceAsync(request, cancellationToken).ConfigureAwait(false);
            case ("GET", "/status"):
                var readiness = await health.CheckHealthAsync(cancellationToken).ConfigureAwait(false);
                var failing = readiness.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => $"{e.Key}: {e.Value.Description}");
                return readiness.Status == HealthStatus.Healthy
                    ? (StatusCodes.Status200OK, "ready")
                    : (StatusCodes.Status503ServiceUnavailable, "not ready; " + string.Join("; ", failing));
            default:
                return (StatusCodes.Status404NotFound, "no such admin command.");
        }
    }

    private async Task<(int Status, string Text)> WorkspaceAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.Query["id"] is not [{ Length: > 0 } id] || !id.Contains(':', StringComparison.Ordinal))
            return (StatusCodes.Status400BadRequest, "name the workspace: ?id=slack:T0123 or ?id=teams:<tenant id>.");
        var workspace = WorkspaceKey.Parse(id);
        if (request.Path.Value == "/workspaces/delete")
            return (StatusCodes.Status200OK, await workspaces.DeleteAsync(workspace, cancellationToken).ConfigureAwait(false));

        using var reader = new StreamReader(request.Body);
        var target = (await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false)).Trim();
        if (!Path.IsPathFullyQualified(target))
            return (StatusCodes.Status400BadRequest, "the export target must be a full path.");
        try
        {
            return (StatusCodes.Status200OK, await workspaces.ExportAsync(workspace, target, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            OperationsLog.AdminCommandFailed(logger, "workspace export", ex);
            return (StatusCodes.Status409Conflict, ex.Message);
        }
    }

    private (int Status, string Text) Backup(string target)
    {
        if (services.GetService<LiteDbContext>() is not { } database)
        {
            return (StatusCodes.Status501NotImplemented, "backup copies a LiteDB database; this bot runs on another store: use that store's own backup.");
        }

        try
        {
            var documents = LiteDbBackup.Write(database, target);
            return (StatusCodes.Status200OK, string.Create(CultureInfo.InvariantCulture, $"Backed up {documents} document(s) of {database.Path} to {target}."));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            OperationsLog.AdminCommandFailed(logger, "backup", ex);
            return (StatusCodes.Status409Conflict, ex.Message);
        }
    }
}
