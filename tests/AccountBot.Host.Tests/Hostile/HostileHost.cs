using System.Text;
using System.Text.RegularExpressions;
using AccountBot.Adapters.FollowUps;
using AccountBot.Core.Abstractions;
using AccountBot.Core.Accounts;
using AccountBot.Core.Features;
using AccountBot.Core.Features.Routing;
using AccountBot.Core.Features.Stakeholders;
using AccountBot.Core.Views;
using AccountBot.Slack.Hosting;
using AccountBot.Slack.Installations;
using AccountBot.Teams.Connector;
using AccountBot.Testing.Slack;
using AccountBot.Testing.Teams;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AccountBot.Host.Tests.Hostile;

/// <summary>
/// The real host on Kestrel (127.0.0.1) with every endpoint on: Teams with real token validation (a local RSA key
/// published as OpenID metadata, a fake Bot Connector), Slack in OAuth mode (a fake Web API, two installed
/// workspaces), picture/export links. Four workspaces are seeded with two maps each: Slack T0ONE and T0TWO, Teams
/// tenants A and B. <see cref="RunAsync"/> sends one hostile input, waits until the host (and Slack's follow-up
/// queue) is idle, and tells what it answered and whether anything it must not touch changed.
/// </summary>
internal sealed partial class HostileHost : IAsyncLifetime
{
    public const string SigningSecret = "hostile-signing-secret-0123456789";
    public const string AppId = "5a4c3b2a-1111-4222-8333-944455566677";
    public const string SlackOne = "T0ONE";
    public const string SlackTwo = "T0TWO";
    public const string TenantA = "aaaaaaaa-1111-4111-8111-aaaaaaaaaaaa";
    public const string TenantB = "bbbbbbbb-2222-4222-8222-bbbbbbbbbbbb";
    public const string ChannelId = "msteams";
    public const string BotId = "28:hostile-bot";
    public const string SlackChannel = "C0DEALS";

    public static readonly WorkspaceKey SlackT1 = WorkspaceKey.ForSlack(null, SlackOne);
    public static readonly WorkspaceKey SlackT2 = WorkspaceKey.ForSlack(null, SlackTwo);
    public static readonly WorkspaceKey TeamsA = WorkspaceKey.ForTeams(TenantA);
    public static readonly WorkspaceKey TeamsB = WorkspaceKey.ForTeams(TenantB);
    public static readonly IReadOnlyList<WorkspaceKey> Seeded = [SlackT1, SlackT2, TeamsA, TeamsB];

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly string PictureKey = Convert.ToBase64String([.. Enumerable.Range(1, 32).Select(i => (byte)(i * 7))]);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "accountbot-hostile", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<WorkspaceKey, SeededWorkspace> _seeds = [];
    private readonly TestSigningKey _key = new("hostile-key", ChannelId);
    private DataSnapshot _baseline = null!;
    private int _channels;

    public ErrorLog Errors { get; } = new();

    public InFlightRequests InFlight { get; } = new();

    public FakeSlackApi Slack { get; private set; } = null!;

    public FakeConnector Connector { get; private set; } = null!;

    public OpenIdMetadataServer Metadata { get; private set; } = null!;

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public SlackRequestSigner Signer { get; } = new(SigningSecret, TimeProvider.System);

    /// <summary>A valid Bot Connector token for <see cref="FakeConnector.ServiceUrl"/>.</summary>
    public string TeamsToken { get; private set; } = null!;

    public IReadOnlyDictionary<WorkspaceKey, SeededWorkspace> Seeds => _seeds;

    public IAccountMapStore Store => Factory.Services.GetRequiredService<IAccountMapStore>();

    public T Service<T>()
        where T : notnull => Factory.Services.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        Slack = await FakeSlackApi.StartAsync();
        Connector = await FakeConnector.StartAsync();
        Metadata = await OpenIdMetadataServer.StartAsync();
        Metadata.Publish(_key);
        TeamsToken = new BotTokenIssuer().Issue(new TestToken { Audience = AppId, ServiceUrl = Connector.ServiceUrl, Now = DateTimeOffset.UtcNow }, _key);

        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("Urls", "http://127.0.0.1:0");
            web.UseSetting("Storage:LiteDb:Path", Path.Combine(_folder, "bot.db"));
            web.UseSetting("PublicBaseUrl", "https://bot.example.com/");
            web.UseSetting("Pictures:SigningKey", PictureKey);
            web.UseSetting("Reminders:Enabled", "false");
            web.UseSetting("MicrosoftAppId", AppId);
            web.UseSetting("MicrosoftAppPassword", "not-used-the-token-provider-is-fake");
            web.UseSetting("Teams:OpenIdMetadataUrl", Metadata.MetadataUrl);
            web.UseSetting("Teams:ConnectorRetry:MaxRetries", "0");
            web.UseSetting("Slack:SigningSecret", SigningSecret);
            web.UseSetting("Slack:ClientId", "1234.5678");
            web.UseSetting("Slack:ClientSecret", "hostile-client-secret");
            web.UseSetting("Slack:RedirectUri", "https://bot.example.com/slack/oauth/callback");
            web.UseSetting("Slack:ApiBaseUrl", Slack.ApiBaseUrl.AbsoluteUri);
            web.UseSetting("Slack:ApiRetry:MaxRetries", "0");
            web.ConfigureTestServices(services =>
            {
                services.AddSingleton<IBotTokenProvider>(new FakeBotTokenProvider("hostile-outbound-token"));
                services.AddSingleton<IStartupFilter>(InFlight);
                services.AddLogging(logging => logging.AddProvider(Errors));
            });
        });
        Factory.UseKestrel(0);
        Factory.StartServer();
        // No redirects (the install endpoint points at Slack) and no cookie jar (each input says its own cookies).
        using (var probe = Factory.CreateClient())
            Client = Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = probe.BaseAddress!, AllowAutoRedirect = false, HandleCookies = false });

        var installations = Service<ISlackInstallationStore>();
        await installations.SaveAsync(new SlackInstallation { TeamId = SlackOne, BotToken = "xoxb-one", BotUserId = "U0BOT" }, CancellationToken.None);
        await installations.SaveAsync(new SlackInstallation { TeamId = SlackTwo, BotToken = "xoxb-two", BotUserId = "U0BOT" }, CancellationToken.None);
        foreach (var workspace in Seeded)
            _seeds[workspace] = await SeedAsync(workspace);
        _baseline = await DataSnapshot.TakeAsync(Store, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Slack.DisposeAsync();
        await Connector.DisposeAsync();
        await Metadata.DisposeAsync();
        _key.Dispose();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A POST to <c>/api/messages</c> with these bytes, the valid token unless told otherwise.</summary>
    public HttpRequestMessage Teams(byte[] body, string? authorization = "", string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Content(body, contentType) };
        var header = authorization == string.Empty ? "Bearer " + TeamsToken : authorization;
        if (header is not null)
            request.Headers.TryAddWithoutValidation("Authorization", header);
        return request;
    }

    /// <summary>A POST to a Slack endpoint, signed over exactly these bytes as Slack signs.</summary>
    public HttpRequestMessage SlackPost(string path, byte[] body, string contentType = SlackRequestSigner.FormContentType)
    {
        var request = Signer.CreateRequest(path, body, "text/plain");
        request.Content!.Headers.Remove("Content-Type");
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return request;
    }

    /// <summary>Sends one input and judges it: status, exceptions logged, whose data changed, details in the body.</summary>
    public async Task<HostileOutcome> RunAsync(HostileCase input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var patience = new CancellationTokenSource(Patience);
        var errorMark = Errors.Count;
        var slackMark = Slack.Calls.Count;
        var connectorMark = Connector.Requests.Count;
        var sent = string.Empty;
        var clientError = string.Empty;
        var finishedMark = InFlight.Finished;
        var defects = new List<string>();
        var status = -1;
        var body = string.Empty;
        if (input.Raw is { } raw)
        {
            var bytes = raw(this);
            sent = Encoding.Latin1.GetString(bytes);
            (status, body, clientError) = await SendRawAsync(bytes, patience.Token);
        }
        else
        {
            using var request = input.Build(this);
            sent = request.RequestUri + " " + request.Headers + await SentBodyAsync(request, patience.Token);
            try
            {
                using var response = await Client.SendAsync(request, patience.Token);
                status = (int)response.StatusCode;
                body = await response.Content.ReadAsStringAsync(patience.Token);
            }
            catch (HttpRequestException e)
            {
                // The server may have answered and closed before the client finished sending: ask the server.
                clientError = e.InnerException?.Message ?? e.Message;
            }
        }

        await InFlight.WhenIdleAsync(patience.Token);
        await Service<FollowUpQueue>().WhenIdleAsync(patience.Token);
        if (status == -1 && InFlight.StatusesSince(finishedMark) is [.., var served])
            status = served;

        var allowed = input.NotImplementedIsProtocol && status == 501;
        if (status >= 500 && !allowed)
            defects.Add($"answered {status}");
        if (status == -1)
            defects.Add("no HTTP answer: " + clientError);
        // A reply the (fake) Bot Connector refuses (e.g. to a conversation id with a NUL in it) is logged as a
        // warning by the follow-up work, after the 200: only errors count here.
        defects.AddRange(Errors.Since(errorMark).Select(e => "logged " + e));
        if (body.Contains("Exception", StringComparison.Ordinal) || body.Contains("   at ", StringComparison.Ordinal))
            defects.Add("the answer shows internals: " + body[..Math.Min(body.Length, 300)]);

        var output = body
            + string.Concat(Slack.Calls.Skip(slackMark).Select(c => c.Body))
            + string.Concat(Connector.Requests.Skip(connectorMark).Select(r => r.Body));
        foreach (var workspace in Seeded.Where(w => w != input.Sender))
        {
            var foreign = " " + Tag(workspace);
            if (output.Contains(foreign, StringComparison.Ordinal) && !sent.Contains(foreign, StringComparison.Ordinal))
                defects.Add($"showed people of {workspace.Value} to {input.Sender.Value}");
        }

        var after = await DataSnapshot.TakeAsync(Store, CancellationToken.None);
        foreach (var changed in after.ChangedSince(_baseline))
        {
            if (changed != input.MayChange?.Value)
                defects.Add("changed the data of " + changed);
            var maps = await Store.ListAsync(WorkspaceKey.Parse(changed), CancellationToken.None);
            defects.AddRange(DataSnapshot.DanglingReferences(maps).Select(d => "left a forged reference: " + d));
        }

        _baseline = after;
        return new HostileOutcome(input, status, defects);
    }

    /// <summary>
    /// Replaces the <c>{{who.what}}</c> tokens of a generated body with this run's ids. <c>who</c> is <c>me</c> (the
    /// sender's workspace), <c>other</c> (another workspace of the same platform) or <c>cross</c> (one of the other
    /// platform); <c>what</c> is <c>map0</c>, <c>map1.p2</c>, <c>applied</c> (a submission id already applied there),
    /// <c>import</c> (its pending import), <c>team</c>/<c>tenant</c>. Also <c>{{serviceUrl}}</c>, <c>{{responseUrl}}</c>,
    /// <c>{{random}}</c>. Byte-exact outside the tokens, so invalid UTF-8 stays invalid.
    /// </summary>
    public byte[] Resolve(byte[] body, WorkspaceKey sender)
    {
        ArgumentNullException.ThrowIfNull(body);
        var text = Encoding.Latin1.GetString(body);
        if (!text.Contains("{{", StringComparison.Ordinal))
            return body;
        return Encoding.Latin1.GetBytes(Tokens().Replace(text, m => Token(m.Groups[1].Value, sender) ?? m.Value));
    }

    public static WorkspaceKey Other(WorkspaceKey sender) =>
        sender == SlackT1 ? SlackT2 : sender == SlackT2 ? SlackT1 : sender == TeamsA ? TeamsB : TeamsA;

    public static WorkspaceKey Cross(WorkspaceKey sender) => sender.Platform == Platform.Slack ? TeamsA : SlackT1;

    private string? Token(string token, WorkspaceKey sender)
    {
        switch (token)
        {
            case "serviceUrl": return Connector.ServiceUrl;
            case "responseUrl": return Slack.ResponseUrl("hostile");
            case "random": return Guid.NewGuid().ToString();
            // A channel of its own per input: Slack posts are paced to one a second per channel.
            case "channel": return "C0H" + Interlocked.Increment(ref _channels).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var parts = token.Split('.');
        var workspace = parts[0] switch { "me" => sender, "other" => Other(sender), "cross" => Cross(sender), _ => (WorkspaceKey?)null };
        if (workspace is not { } key || parts.Length < 2)
            return null;
        var seeded = _seeds[key];
        return parts[1] switch
        {
            "applied" => seeded.AppliedSubmissionId,
            "import" => seeded.PendingImportId,
            "team" or "tenant" => key.Value[(key.Value.IndexOf(':', StringComparison.Ordinal) + 1)..],
            "map0" or "map1" when parts.Length == 2 => seeded.Maps[parts[1][^1] - '0'].Id.ToString(),
            "map0" or "map1" when parts.Length == 3 => seeded.Maps[parts[1][^1] - '0'].People[parts[2][^1] - '0'].ToString(),
            _ => null,
        };
    }

    [GeneratedRegex(@"\{\{([a-zA-Z0-9.]+)\}\}")]
    private static partial Regex Tokens();

    /// <summary>Every seeded person's surname says whose they are, so an answer that shows another workspace's people is seen.</summary>
    public static string Tag(WorkspaceKey workspace) =>
        workspace == SlackT1 ? "Sone" : workspace == SlackT2 ? "Stwo" : workspace == TeamsA ? "Tay" : "Tbee";

    /// <summary>Writes raw bytes on a fresh connection and reads the status line and body of the answer.</summary>
    private async Task<(int Status, string Body, string Error)> SendRawAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(Client.BaseAddress!.Host, Client.BaseAddress.Port, cancellationToken);
        var stream = tcp.GetStream();
        var error = string.Empty;
        try
        {
            await stream.WriteAsync(bytes, cancellationToken);
        }
        catch (IOException e)
        {
            // The server may refuse before it has read everything: its answer is still there to read.
            error = e.Message;
        }

        using var answer = new MemoryStream();
        try
        {
            await stream.CopyToAsync(answer, cancellationToken);
        }
        catch (IOException e)
        {
            error = e.Message;
        }

        var text = Encoding.Latin1.GetString(answer.ToArray());
        var parts = text.Split(' ', 3);
        var status = parts.Length >= 2 && text.StartsWith("HTTP/", StringComparison.Ordinal) && int.TryParse(parts[1], out var code) ? code : -1;
        var separator = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return (status, separator < 0 ? string.Empty : text[(separator + 4)..], error);
    }

    private static async Task<string> SentBodyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is null)
            return string.Empty;
        try
        {
            return Encoding.Latin1.GetString(await request.Content.ReadAsByteArrayAsync(cancellationToken));
        }
        catch (HttpRequestException)
        {
            // A content whose Content-Length lies about its size: nothing readable was sent.
            return string.Empty;
        }
    }

    private static ByteArrayContent Content(byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        if (contentType.Length > 0)
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private async Task<SeededWorkspace> SeedAsync(WorkspaceKey workspace)
    {
        var dispatcher = Service<CommandDispatcher>();
        var context = new RequestContext(workspace, new UserRef("U0SEED", "Seeder"), new ChannelRef(workspace.Platform == Platform.Slack ? SlackChannel : "19:seed@thread.tacv2", "deals"));
        var applied = "seed-" + Guid.NewGuid().ToString("N");
        var maps = new List<SeededMap>();
        var tag = Tag(workspace);
        foreach (var (name, people) in new[] { ("Acme Corp", new[] { "Jane " + tag, "John " + tag, "Max " + tag }), ("Globex", ["Ann " + tag, "Bo " + tag]) })
        {
            await dispatcher.DispatchAsync($"map {name} create", context, CancellationToken.None);
            var map = (await Store.FindByNameAsync(workspace, name, CancellationToken.None))!;
            Guid? first = null;
            foreach (var person in people)
            {
                var submission = first is null && maps.Count == 0 ? applied : Guid.NewGuid().ToString("N");
                var values = new StakeholderFormValues { Name = person, ReportsToId = first?.ToString(), Roles = "Champion" };
                var reply = await dispatcher.SubmitStakeholderAsync(new StakeholderSubmission(map.Id, null, submission, values), context, CancellationToken.None);
                Assert.IsType<MapView>(reply.Reply);
                map = (await Store.GetAsync(workspace, map.Id, CancellationToken.None))!;
                first ??= map.Stakeholders[^1].Id;
            }

            maps.Add(new SeededMap(map.Id, map.Name, [.. map.Stakeholders.Select(s => s.Id)]));
        }

        var preview = Assert.IsType<ImportPreviewView>(await dispatcher.PreviewImportAsync("Acme Corp", "Name,Title\nNew Person,CTO\n", context, CancellationToken.None));
        return new SeededWorkspace(workspace, maps, applied, preview.ImportId);
    }
}

/// <summary>A seeded map: its id, name and people (the first is everyone else's manager).</summary>
internal sealed record SeededMap(Guid Id, string Name, IReadOnlyList<Guid> People);

/// <summary>A seeded workspace: its maps, a submission id already applied there, and a pending import preview of its first map.</summary>
internal sealed record SeededWorkspace(WorkspaceKey Key, IReadOnlyList<SeededMap> Maps, string AppliedSubmissionId, string PendingImportId);
