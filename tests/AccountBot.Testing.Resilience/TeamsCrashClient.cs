using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AccountBot.Teams.Protocol;
using AccountBot.Testing.Processes;
using AccountBot.Testing.Teams;

namespace AccountBot.Testing.Resilience;

/// <summary>
/// A Teams user in a personal chat: <c>map …</c> messages (the form is the card the bot replies with) and Action.Submit
/// of that card (a message whose <c>value</c> is the card's submit data merged with the inputs, <c>replyToId</c> =
/// the card). Acknowledged = the activity answered 200 <em>and</em> the card replaced with the map saying
/// "… added/updated Person". A card replaced that way counts even when the 200 never arrived (the user saw it);
/// a 200 with no reply yet when the host died counts as <see cref="AttemptOutcome.AcknowledgedBeforeReply"/>.
/// </summary>
public sealed class TeamsCrashClient(
    int index, int slot, ChangeLedger ledger, CrashLoopOptions options, int seed,
    HttpClient http, FakeChatPlatforms platforms)
    : CrashClient(index, slot, ledger, options, seed)
{
    public const string TenantId = ActivityBuilder.TenantId;

    // CardVerbs.SubmitStakeholder: the verb in the stakeholder form's submit data.
    private const string SubmitVerb = "submitStakeholder";

    private readonly string _conversation = string.Create(CultureInfo.InvariantCulture, $"a:crash-chat-{index:D2}");
    private readonly ChannelAccount _user = new()
    {
        Id = string.Create(CultureInfo.InvariantCulture, $"29:crash-user-{index:D2}"),
        Name = string.Create(CultureInfo.InvariantCulture, $"Crash User {index:D2}"),
        AadObjectId = string.Create(CultureInfo.InvariantCulture, $"00000000-0000-4000-8000-0000000000{index:D2}"),
    };

    public override string Platform => "teams";

    public override string Workspace => "teams:" + TenantId.ToLowerInvariant();

    protected override async Task SendCommandAsync(CrashEpoch epoch, string arguments, CancellationToken cancellationToken)
    {
        var id = NextRequestId();
        if (await PostAsync(epoch, Message("map " + arguments, id), cancellationToken) == HttpStatusCode.OK)
        {
            await platforms.WaitAsync(FakeChatPlatforms.ReplyKey(id), cancellationToken);
            _ = platforms.Take(FakeChatPlatforms.ReplyKey(id));
        }
    }

    protected override async Task<CrashForm?> OpenFormAsync(CrashEpoch epoch, string arguments, CancellationToken cancellationToken)
    {
        var id = NextRequestId();
        if (await PostAsync(epoch, Message("map " + arguments, id), cancellationToken) != HttpStatusCode.OK)
            return null;
        await platforms.WaitAsync(FakeChatPlatforms.ReplyKey(id), cancellationToken);
        var reply = platforms.Take(FakeChatPlatforms.ReplyKey(id)).First();
        if (FindSubmitData(JsonNode.Parse(reply.Body)) is not { } data)
            return null;
        return new CrashForm(
            Guid.Parse(data["mapId"]!.GetValue<string>()),
            data["stakeholderId"]?.GetValue<string>() is { Length: > 0 } person ? Guid.Parse(person) : null,
            data["submissionId"]!.GetValue<string>(),
            data.ToJsonString(),
            reply.Id);
    }

    protected override async Task<AttemptOutcome> SubmitAsync(CrashEpoch epoch, TrackedChange change, CancellationToken cancellationToken) =>
        (await SubmitAsync(epoch, change, copies: 1, cancellationToken))[0];

    protected override Task<AttemptOutcome[]> SubmitTwiceAsync(CrashEpoch epoch, TrackedChange change, CancellationToken cancellationToken) =>
        SubmitAsync(epoch, change, copies: 2, cancellationToken);

    /// <summary>
    /// Posts <paramref name="copies"/> Action.Submits of the same card at once, then reads what replaced the card.
    /// Copies share the card, so they are judged together: the card's replacements say whether the change saved.
    /// </summary>
    private async Task<AttemptOutcome[]> SubmitAsync(CrashEpoch epoch, TrackedChange change, int copies, CancellationToken cancellationToken)
    {
        var card = change.Form.CardId!;
        var update = FakeChatPlatforms.UpdateKey(card);
        _ = platforms.Take(update);
        var ids = Enumerable.Range(0, copies).Select(_ => NextRequestId()).ToArray();
        var statuses = await Task.WhenAll(ids.Select(id => TryPostAsync(epoch, Submit(change, id), cancellationToken)));
        var answered = statuses.Any(s => s == HttpStatusCode.OK);
        var keys = ids.Select(FakeChatPlatforms.ReplyKey).Prepend(update).ToList();
        var replyArrived = false;
        if (answered)
        {
            try
            {
                await platforms.WaitAnyAsync(keys, cancellationToken);
                replyArrived = true;
            }
            catch (OperationCanceledException)
            {
                // Killed after the 200, before any reply: judged below from what did arrive.
            }
        }

        var replaced = platforms.Take(update);
        foreach (var id in ids)
            _ = platforms.Take(FakeChatPlatforms.ReplyKey(id));
        var saved = replaced.Any(m => m.Body.Contains(SuccessNotice(change), StringComparison.Ordinal));

        // A reply in the thread instead of a replaced card is "Something went wrong…": not a statement either way.
        // Copies replace the same card, so one copy's refusal (a conflict) may sit next to the other's success still
        // on its way: only a lone submission's refusal is taken as "not saved".
        var refused = !saved && replaced.Count > 0 && copies == 1;
        return [.. statuses.Select(status => (saved, refused, status, replyArrived) switch
        {
            (true, _, _, _) => AttemptOutcome.Acknowledged,
            (_, true, HttpStatusCode.OK, _) => AttemptOutcome.Rejected,
            (_, _, HttpStatusCode.OK, false) => AttemptOutcome.AcknowledgedBeforeReply,
            _ => AttemptOutcome.Unknown,
        })];
    }

    private async Task<HttpStatusCode?> TryPostAsync(CrashEpoch epoch, string json, CancellationToken cancellationToken)
    {
        try
        {
            return await PostAsync(epoch, json, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            return null;
        }
    }

    private async Task<HttpStatusCode> PostAsync(CrashEpoch epoch, string json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(epoch.BaseAddress, "api/messages"))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        using var response = await SendAsync(http, request, cancellationToken);
        return response.StatusCode;
    }

    private string Message(string text, string id) => Activity(id).Message(text).BuildJson();

    private string Submit(TrackedChange change, string id)
    {
        var value = JsonNode.Parse(change.Form.Payload)!.AsObject();
        foreach (var (field, text) in Values(change))
            value[field] = text;
        return Activity(id).Submit(value.ToJsonString(), change.Form.CardId!).BuildJson();
    }

    private ActivityBuilder Activity(string id) => new ActivityBuilder().With(a => a with
    {
        Id = id,
        ServiceUrl = platforms.TeamsServiceUrl,
        From = _user,
        Conversation = a.Conversation! with { Id = _conversation },
    });

    /// <summary>The stakeholder form's submit data (the object whose <c>verb</c> is <see cref="SubmitVerb"/>) anywhere in a reply.</summary>
    private static JsonObject? FindSubmitData(JsonNode? node) => node switch
    {
        JsonObject o when o["verb"] is JsonValue verb && verb.TryGetValue<string>(out var text) && text == SubmitVerb => o,
        JsonObject o => o.Select(p => FindSubmitData(p.Value)).FirstOrDefault(found => found is not null),
        JsonArray a => a.Select(FindSubmitData).FirstOrDefault(found => found is not null),
        _ => null,
    };
}
