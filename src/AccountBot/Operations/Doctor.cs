using AccountBot.Hosting;
using AccountBot.KeyRing;
using AccountBot.Pictures;
using AccountBot.Slack.Hosting;
using AccountBot.Storage.LiteDb;
using AccountBot.Storage.Postgres;
using AccountBot.Teams;
using AccountBot.Teams.Security;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AccountBot.Operations;

/// <summary>
/// <c>doctor</c>: the checks an operator would otherwise learn about one failed start at a time. Configuration is
/// checked by the same validators start-up runs; the database is opened as the bot opens it (or, when a running bot
/// holds it, the bot is asked through its admin endpoint); key files are checked for presence, shape and mode.
/// </summary>
internal static class Doctor
{
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <returns>True when every check passed.</returns>
    public static async Task<bool> RunAsync(WebApplication app, TextWriter output, CancellationToken cancellationToken)
    {
        var configuration = Configuration(app);
        List<DoctorCheck> checks = [.. configuration];
        if (configuration.All(c => c.Passed))
        {
            checks.Add(await DatabaseAsync(app, cancellationToken).ConfigureAwait(false));
            checks.Add(SigningKey(app));
            checks.Add(KeyRingFolder(app));
        }

        checks.AddRange(Platforms(app));
        foreach (var check in checks)
        {
            await output.WriteLineAsync(check.ToString()).ConfigureAwait(false);
        }

        var failed = checks.Count(c => !c.Passed);
        await output.WriteLineAsync(failed == 0 ? "All checks passed." : $"{failed} check(s) failed: fix what they say and run doctor again.").ConfigureAwait(false);
        return failed == 0;
    }

    private static List<DoctorCheck> Configuration(WebApplication app)
    {
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
            return [DoctorCheck.Pass("configuration", "every section validates")];
        }
        catch (OptionsValidationException ex)
        {
            return [.. ex.Failures.Select(f => DoctorCheck.Fail("configuration", f))];
        }
        catch (AggregateException ex)
        {
            return [.. ex.Flatten().InnerExceptions.SelectMany(e => e is OptionsValidationException o ? o.Failures : [e.Message]).Select(f => DoctorCheck.Fail("configuration", f))];
        }
    }

    private static async Task<DoctorCheck> DatabaseAsync(WebApplication app, CancellationToken cancellationToken)
    {
        const string Name = "database";
        var path = CliHost.DatabasePath(app);
        if (!File.Exists(path))
        {
            return DoctorCheck.Pass(Name, $"none yet at {path}: the bot creates it (owner-only) at first start. If you expected one, set {LiteDbOptions.Section}:Path or restore a backup.");
        }

        try
        {
            return app.Services.GetRequiredService<LiteDbContext>().Ping()
                ? DoctorCheck.Pass(Name, $"{path} opens and answers a read")
                : DoctorCheck.Fail(Name, $"{path} opens but does not answer a read: restore it from a backup.");
        }
        catch (LiteDbStartupException ex) when (ex.Failure == LiteDbStartupFailure.Locked)
        {
            var answer = await AdminClient.SendAsync(path, HttpMethod.Get, "status", null, cancellationToken).ConfigureAwait(false);
            return answer switch
            {
                null => DoctorCheck.Fail(Name, $"{path} is held by another process that has no admin endpoint: if it is this bot, turn {AdminOptions.Section}:Enabled on, or stop it and run doctor again."),
                { Succeeded: true } => DoctorCheck.Pass(Name, $"{path} is held by the running bot, which answers ready"),
                _ => DoctorCheck.Fail(Name, $"{path} is held by the running bot, which answers {(int)answer.Status}: {answer.Text}"),
            };
        }
        catch (LiteDbStartupException ex)
        {
            return DoctorCheck.Fail(Name, ex.Message);
        }
    }

    private static DoctorCheck SigningKey(WebApplication app)
    {
        const string Name = "link signing key";
        if (!string.IsNullOrWhiteSpace(app.Services.GetRequiredService<IOptions<PictureOptions>>().Value.SigningKey))
        {
            return DoctorCheck.Pass(Name, $"{PictureOptions.Section}:SigningKey is set");
        }

        var path = Path.Combine(Path.GetDirectoryName(CliHost.DatabasePath(app))!, LinkSigningKeys.FileName);
        if (!File.Exists(path))
        {
            return DoctorCheck.Pass(Name, $"none yet: generated into {path} at first start (or set {PictureOptions.Section}:SigningKey)");
        }

        if (LinkSigningKeys.TryDecode(File.ReadAllText(path)) is not { Length: >= PictureOptions.MinKeyBytes })
        {
            return DoctorCheck.Fail(Name, $"{path} is not base64 of at least {PictureOptions.MinKeyBytes} bytes: delete it to have a new one generated (links already sent stop working) or set {PictureOptions.Section}:SigningKey.");
        }

        return OpenToOthers(path) is { } mode
            ? DoctorCheck.Fail(Name, $"{path} is {mode}: other users may read it; chmod 600 it.")
            : DoctorCheck.Pass(Name, $"{path} holds a key, owner-only");
    }

    private static DoctorCheck KeyRingFolder(WebApplication app)
    {
        const string Name = "data protection key ring";
        if (StorageSelection.Provider(app.Configuration) == StorageProvider.Postgres)
        {
            try
            {
                var stored = app.Services.GetRequiredService<PostgresKeyRingStore>().GetAll().Count(e => e.Name.LocalName == "key");
                return DoctorCheck.Pass(Name, $"in the database (data_protection_keys), shared by every instance: {stored} key(s)");
            }
            catch (NpgsqlException ex)
            {
                return DoctorCheck.Fail(Name, $"the database's data_protection_keys could not be read: {ex.Message}");
            }
        }

        var folder = KeyRingServiceCollectionExtensions.Folder(
            app.Services.GetRequiredService<IOptions<KeyRingOptions>>().Value,
            app.Services.GetRequiredService<IOptions<LiteDbOptions>>().Value,
            app.Environment);
        if (!Directory.Exists(folder))
        {
            return DoctorCheck.Pass(Name, $"none yet at {folder}: created owner-only at first start. A restored database whose Slack installations were encrypted elsewhere needs that key ring copied here ({KeyRingOptions.Section}:KeysPath).");
        }

        var keys = Directory.GetFiles(folder, "key-*.xml").Length;
        return OpenToOthers(folder) is { } mode
            ? DoctorCheck.Fail(Name, $"{folder} is {mode}: other users may read the keys that decrypt Slack tokens; chmod 700 it.")
            : DoctorCheck.Pass(Name, $"{folder} holds {keys} key(s), owner-only");
    }

    private static IEnumerable<DoctorCheck> Platforms(WebApplication app)
    {
        var slack = app.Services.GetRequiredService<IOptions<SlackOptions>>().Value;
        var teams = app.Services.GetRequiredService<IOptions<BotCredentialsOptions>>().Value;
        var bypass = app.Services.GetRequiredService<IOptions<TeamsOptions>>().Value.DangerouslyAllowUnauthenticatedRequests;
        var hasSecret = !string.IsNullOrWhiteSpace(slack.SigningSecret);
        var hasToken = !string.IsNullOrWhiteSpace(slack.BotToken);
        var hasOAuth = !string.IsNullOrWhiteSpace(slack.ClientId) || !string.IsNullOrWhiteSpace(slack.ClientSecret);
        var slackCheck = (hasSecret, hasToken || hasOAuth) switch
        {
            (true, true) => DoctorCheck.Pass("slack", hasToken ? "configured for one workspace (Slack:BotToken)" : "configured for installs at /slack/install (Slack:ClientId)"),
            (true, false) => DoctorCheck.Fail("slack", "Slack:BotToken is missing (one workspace: its xoxb- token), or set Slack:ClientId and Slack:ClientSecret to install through /slack/install."),
            (false, true) => DoctorCheck.Fail("slack", "Slack:SigningSecret is missing: without it the Slack endpoints are off (the app's Basic Information page has it)."),
            _ => DoctorCheck.Pass("slack", "not configured: the Slack endpoints are off (set Slack:SigningSecret and Slack:BotToken to use Slack)"),
        };
        yield return slackCheck;

        var teamsCheck = teams.IsConfigured
            ? DoctorCheck.Pass("teams", "configured (MicrosoftAppId)")
            : DoctorCheck.Pass("teams", bypass
                ? "not configured: only the local Agents Playground can talk to it (development bypass); set MicrosoftAppId and MicrosoftAppPassword for Teams"
                : "not configured: every Teams request is refused (set MicrosoftAppId and MicrosoftAppPassword to use Teams)");
        yield return teamsCheck;

        // Only when nothing is set: a half-configured Slack has already failed its own line.
        if (!(hasSecret || hasToken || hasOAuth) && !teams.IsConfigured && !bypass)
        {
            yield return DoctorCheck.Fail("platforms", "neither Slack nor Teams is configured: nobody can talk to the bot. Set Slack:SigningSecret and Slack:BotToken, or MicrosoftAppId and MicrosoftAppPassword.");
        }
    }

    private static string? OpenToOthers(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        var mode = File.GetUnixFileMode(path);
        return (mode & GroupOrOther) == 0 ? null : Convert.ToString((int)mode, 8).PadLeft(4, '0');
    }
}
