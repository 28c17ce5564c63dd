using System.Globalization;

namespace AccountBot.Testing.Resilience;

/// <summary>
/// One user of the crash loop, on one platform, driving the bot as a person would: opens the stakeholder form
/// through the bot (<c>map X add</c>, <c>map X edit Person</c>; <c>map X create</c> when the map is missing),
/// submits it, and records what it was told in the <see cref="ChangeLedger"/>. Mixed in: the same form submitted
/// twice at once, an acknowledged form submitted again, and — first thing after every restart — each submission
/// whose outcome it never learned, sent again with the same submission id as a person pressing Submit again would.
/// Several clients share each map, so saves race. Runs one epoch at a time; its state carries over.
/// </summary>
public abstract class CrashClient
{
    private readonly ChangeLedger _ledger;
    private readonly CrashLoopOptions _options;
    private readonly Random _random;
    private readonly int _slot;
    private readonly List<TrackedPerson> _people = [];
    private readonly List<TrackedChange> _acknowledged = [];
    private readonly List<TrackedChange> _pending = [];
    private int _generation;
    private int _addsInGeneration;
    private int _sequence;

    protected CrashClient(int index, int slot, ChangeLedger ledger, CrashLoopOptions options, int seed)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(options);
        Index = index;
        _slot = slot;
        _ledger = ledger;
        _options = options;
        _random = new Random(seed);
    }

    public int Index { get; }

    /// <summary><c>slack</c> or <c>teams</c>.</summary>
    public abstract string Platform { get; }

    /// <summary>The workspace key value the bot stores this client's maps under.</summary>
    public abstract string Workspace { get; }

    /// <summary>Forms the bot did not serve when asked (e.g. the person was not found).</summary>
    public int FormsNotServed { get; private set; }

    /// <summary>Sends <c>map {arguments}</c> and ignores the answer.</summary>
    protected abstract Task SendCommandAsync(CrashEpoch epoch, string arguments, CancellationToken cancellationToken);

    /// <summary>Sends <c>map {arguments}</c>; the stakeholder form it opened, or null when the bot answered otherwise.</summary>
    protected abstract Task<CrashForm?> OpenFormAsync(CrashEpoch epoch, string arguments, CancellationToken cancellationToken);

    /// <summary>Submits the change's form once with its values; never throws for a dead host (that is <see cref="AttemptOutcome.Unknown"/>).</summary>
    protected abstract Task<AttemptOutcome> SubmitAsync(CrashEpoch epoch, TrackedChange change, CancellationToken cancellationToken);

    /// <summary>Submits the change's form twice at once (a double click); one outcome per attempt.</summary>
    protected virtual async Task<AttemptOutcome[]> SubmitTwiceAsync(CrashEpoch epoch, TrackedChange change, CancellationToken cancellationToken) =>
        await Task.WhenAll(SubmitAsync(epoch, change, cancellationToken), SubmitAsync(epoch, change, cancellationToken));

    /// <summary>Sends a request to the host, counted as in flight (<see cref="ChangeLedger.RequestsInFlight"/>) until answered.</summary>
    protected Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        return _ledger.InFlightAsync(() => http.SendAsync(request, cancellationToken));
    }

    /// <summary>A unique id for the next request of this client (trigger ids, activity ids).</summary>
    protected string NextRequestId() => string.Create(CultureInfo.InvariantCulture, $"crash-{Index:D2}-{++_sequence}");

    /// <summary>The form fields a change submits (the same set for adds and edits, so an edit changes only the title).</summary>
    protected static IReadOnlyDictionary<string, string> Values(TrackedChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        string[] roles = ["Champion", "DecisionMaker", "Influencer", "EndUser", "Signer", "Gatekeeper", "Blocker"];
        var number = change.Person.Add.Number;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = change.Person.Name,
            ["title"] = change.Title,
            ["roles"] = roles[number % roles.Length],
            ["power"] = ((number % 5) + 1).ToString(CultureInfo.InvariantCulture),
            ["interest"] = (((number / 5) % 5) + 1).ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>What a successful save replaces the Teams card with, or shows: "{user} added/updated {name}."</summary>
    protected static string SuccessNotice(TrackedChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return $" {(change.Kind == ChangeKind.Add ? "added" : "updated")} {change.Person.Name}.";
    }

    /// <summary>Runs until the epoch's host is killed: first the owed resends, then random steps.</summary>
    public async Task RunEpochAsync(CrashEpoch epoch)
    {
        ArgumentNullException.ThrowIfNull(epoch);
        foreach (var change in _pending.ToList())
        {
            if (epoch.Token.IsCancellationRequested)
                return;
            _ledger.CountResend(ofAcknowledged: false);
            await AttemptAsync(epoch, change, async () => [await SubmitAsync(epoch, change, epoch.Token)]);
        }

        while (!epoch.Token.IsCancellationRequested)
        {
            try
            {
                await StepAsync(epoch);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
            {
                // Opening a form failed (nothing was submitted): the host is going.
                await UntilKilledAsync(epoch);
            }
        }
    }

    private async Task StepAsync(CrashEpoch epoch)
    {
        var roll = _random.NextDouble();
        if (roll < _options.EditShare && PickEditable() is { } person)
        {
            await EditAsync(epoch, person);
        }
        else if (roll < _options.EditShare + _options.ResendShare && _acknowledged.Count > 0)
        {
            var change = _acknowledged[_random.Next(_acknowledged.Count)];
            _ledger.CountResend(ofAcknowledged: true);
            var outcome = await AttemptAsync(epoch, change, async () => [await SubmitAsync(epoch, change, epoch.Token)]);
            if (outcome == AttemptOutcome.Rejected)
                _ledger.ClientViolation($"{change} was acknowledged, then refused when sent again with the same submission id");
        }
        else
        {
            await AddAsync(epoch, twice: _random.NextDouble() < _options.DoubleSubmitShare);
        }
    }

    private async Task AddAsync(CrashEpoch epoch, bool twice)
    {
        if (_addsInGeneration >= _options.PeoplePerMapPerClient)
        {
            _generation++;
            _addsInGeneration = 0;
        }

        var map = string.Create(CultureInfo.InvariantCulture, $"Crash{char.ToUpperInvariant(Platform[0])}{_slot:D2}x{_generation:D2}");
        var form = await OpenFormAsync(epoch, map + " add", epoch.Token);
        if (form is null)
        {
            await SendCommandAsync(epoch, map + " create", epoch.Token);
            form = await OpenFormAsync(epoch, map + " add", epoch.Token);
        }

        if (form is null)
        {
            FormsNotServed++;
            return;
        }

        _ledger.MapServed(Platform, Workspace, map, form.MapId);
        var change = _ledger.NewAdd(Platform, Workspace, map, form, NewTitle());
        _people.Add(change.Person);
        _addsInGeneration++;
        if (twice)
        {
            _ledger.CountDoubleSubmit();
            await AttemptAsync(epoch, change, () => SubmitTwiceAsync(epoch, change, epoch.Token));
        }
        else
        {
            await AttemptAsync(epoch, change, async () => [await SubmitAsync(epoch, change, epoch.Token)]);
        }
    }

    private async Task EditAsync(CrashEpoch epoch, TrackedPerson person)
    {
        var form = await OpenFormAsync(epoch, $"{person.MapName} edit {person.Name}", epoch.Token);
        if (form?.StakeholderId is null)
        {
            FormsNotServed++;
            return;
        }

        var change = _ledger.NewEdit(person, form, NewTitle());
        await AttemptAsync(epoch, change, async () => [await SubmitAsync(epoch, change, epoch.Token)]);
    }

    /// <summary>
    /// Runs one attempt (one submission, or two at once) and records every outcome, unknown ones first so that an
    /// answer decides whether the change is still owed a resend; returns the last outcome.
    /// </summary>
    private async Task<AttemptOutcome> AttemptAsync(CrashEpoch epoch, TrackedChange change, Func<Task<AttemptOutcome[]>> attempt)
    {
        AttemptOutcome[] outcomes;
        try
        {
            outcomes = await attempt();
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            outcomes = [AttemptOutcome.Unknown];
        }

        var wasAcknowledged = change.IsAcknowledged;
        foreach (var each in outcomes.OrderBy(o => o == AttemptOutcome.Unknown ? 0 : 1))
            change.Record(each);
        if (change.IsAcknowledged && !wasAcknowledged)
            _ledger.Acknowledged();
        _pending.Remove(change);
        if (change.IsPending)
            _pending.Add(change);
        if (change.IsAcknowledged && !_acknowledged.Contains(change))
            _acknowledged.Add(change);
        if (outcomes.Contains(AttemptOutcome.Unknown))
            await UntilKilledAsync(epoch);
        return outcomes[^1];
    }

    /// <summary>
    /// After a broken connection or an answer that says nothing (a 500): a live host does neither under this load,
    /// so the host is going. Wait for the loop to end the epoch rather than hammer a closed port; the kill comes anyway.
    /// </summary>
    private static Task UntilKilledAsync(CrashEpoch epoch) => Task.WhenAny(Task.Delay(Timeout.Infinite, epoch.Token));

    private TrackedPerson? PickEditable()
    {
        var candidates = _people.Where(p => p.Add.IsAcknowledged && p.IsSettled).ToList();
        return candidates.Count == 0 ? null : candidates[_random.Next(candidates.Count)];
    }

    private string NewTitle() => string.Create(CultureInfo.InvariantCulture, $"Title {_ledger.NextNumber():D6}");
}
