using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AccountBot.Testing.Processes;
using AccountBot.Testing.Slack;

namespace AccountBot.Testing.Resilience;

/// <summary>
/// A Slack user: signed <c>/map</c> commands (the form opens through <c>views.open</c>, which the fake Web API keeps
/// by trigger id) and signed <c>view_submission</c>s of the stakeholder modal with the bot's own
/// <c>private_metadata</c>. Acknowledged = the view_submission answered 200 without <c>response_action: errors</c>
/// (Slack closes the modal: the user is told it saved).
/// </summary>
public sealed class SlackCrashClient(
    int index, int slot, ChangeLedger ledger, CrashLoopOptions options, int seed,
    HttpClient http, FakeChatPlatforms platforms, SlackRequestSigner signer)
    : CrashClient(index, slot, ledger, options, seed)
{
    public const string TeamId = "T0CRASH";

    // The stakeholder modal's callback_id (SlackBotIds.StakeholderForm): what Slack sends back on submit.
    private const string StakeholderFormCallbackId = "stakeholder-form";

    private readonly string _user = string.Create(CultureInfo.InvariantCulture, $"U0CRASH{index:D2}");
    private readonly string _channel = string.Create(CultureInfo.InvariantCulture, $"C0CRASH{index:D2}");

    public override string Platform => "slack";

    public override string Workspace => "slack:" + TeamId;

    protected override async Task SendCommandAsync(CrashEpoch epoch, string arguments, CancellationToken cancellationToken)
    {
        using var response = await PostCommandAsync(epoch, arguments, NextRequestId(), cancellationToken);
    }

    protected override async Task<CrashForm?> OpenFormAsync(CrashEpoch epoch, string arguments, CancellationToken cancellationToken)
    {
        var trigger = NextRequestId();
        using var response = await PostCommandAsync(epoch, arguments, trigger, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);

        // An empty 200 means the modal was opened (views.open comes before the ack); anything else is a message.
        if (response.StatusCode != HttpStatusCode.OK || body.Length > 0)
            return null;
        await platforms.WaitAsync(FakeChatPlatforms.ViewsOpenKey(trigger), cancellationToken);
        var opened = platforms.Take(FakeChatPlatforms.ViewsOpenKey(trigger)).Single();
        var metadata = JsonNode.Parse(opened.Body)!["view"]!["private_metadata"]!.GetValue<string>();

        // FormMetadata: m = map id, s = stakeholder id (edits), k = submission id.
        var fields = JsonNode.Parse(metadata)!;
        return new CrashForm(
            Guid.Parse(fields["m"]!.GetValue<string>()),
            fields["s"] is { } stakeholder && stakeholder.GetValueKind() == JsonValueKind.String ? Guid.Parse(stakeholder.GetValue<string>()) : null,
            fields["k"]!.GetValue<string>(),
            metadata);
    }

    protected override async Task<AttemptOutcome> SubmitAsync(CrashEpoch epoch, TrackedChange change, CancellationToken cancellationToken)
    {
        var values = Values(change);
        var state = new Dictionary<string, JsonObject>(StringComparer.Ordinal)
        {
            ["name"] = SlackPayloads.Text(values["name"]),
            ["title"] = SlackPayloads.Text(values["title"]),
            ["roles"] = SlackPayloads.MultiSelected(values["roles"]),
            ["power"] = SlackPayloads.Selected(values["power"]),
            ["interest"] = SlackPayloads.Selected(values["interest"]),
        };
        var payload = SlackPayloads.ViewSubmission(StakeholderFormCallbackId, change.Form.Payload, state, TeamId, _user);
        using var request = signer.CreateInteractionRequest(new Uri(epoch.BaseAddress, "slack/interactivity").AbsoluteUri, payload);
        using var response = await SendAsync(http, request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
            return AttemptOutcome.Unknown;
        return body.Contains("\"response_action\":\"errors\"", StringComparison.Ordinal) ? AttemptOutcome.Rejected : AttemptOutcome.Acknowledged;
    }

    private async Task<HttpResponseMessage> PostCommandAsync(CrashEpoch epoch, string arguments, string trigger, CancellationToken cancellationToken)
    {
        var fields = SlackPayloads.Command(arguments, TeamId, _user, _channel, platforms.SlackResponseUrl.AbsoluteUri, trigger);
        using var request = signer.CreateFormRequest(new Uri(epoch.BaseAddress, "slack/commands").AbsoluteUri, fields);
        return await SendAsync(http, request, cancellationToken);
    }
}
