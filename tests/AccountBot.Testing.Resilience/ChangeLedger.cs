using System.Collections.Concurrent;

namespace AccountBot.Testing.Resilience;

/// <summary>
/// Everything the crash loop's clients did and were told: the people they added, every change with its attempts,
/// the maps a form was served for (so they exist), and what clients saw that already breaks a promise (an
/// acknowledged submission refused when sent again, a map that came back with another id).
/// </summary>
public sealed class ChangeLedger
{
    private readonly ConcurrentQueue<TrackedPerson> _people = new();
    private readonly ConcurrentDictionary<string, TrackedMap> _maps = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _clientViolations = new();
    private int _lastNumber;
    private int _acknowledged;
    private int _requestsInFlight;
    private TaskCompletionSource _acknowledgement = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _resendsOfAcknowledged;
    private long _resendsOfUnknown;
    private long _doubleSubmits;

    public IReadOnlyCollection<TrackedPerson> People => _people;

    public IReadOnlyCollection<TrackedMap> Maps => [.. _maps.Values];

    public IReadOnlyCollection<string> ClientViolations => _clientViolations;

    public IEnumerable<TrackedChange> Changes => _people.SelectMany(p => p.Changes);

    /// <summary>HTTP requests to the host that have been sent and not yet answered, right now.</summary>
    public int RequestsInFlight => Volatile.Read(ref _requestsInFlight);

    /// <summary>Counts an HTTP request to the host as in flight until it is answered or fails.</summary>
    public async Task<T> InFlightAsync<T>(Func<Task<T>> send)
    {
        ArgumentNullException.ThrowIfNull(send);
        Interlocked.Increment(ref _requestsInFlight);
        try
        {
            return await send();
        }
        finally
        {
            Interlocked.Decrement(ref _requestsInFlight);
        }
    }

    /// <summary>Changes acknowledged so far (each counted once).</summary>
    public int AcknowledgedCount => Volatile.Read(ref _acknowledged);

    public long ResendsOfAcknowledged => Interlocked.Read(ref _resendsOfAcknowledged);

    public long ResendsOfUnknown => Interlocked.Read(ref _resendsOfUnknown);

    public long DoubleSubmits => Interlocked.Read(ref _doubleSubmits);

    /// <summary>A run-wide number: names and titles built from it are unique.</summary>
    public int NextNumber() => Interlocked.Increment(ref _lastNumber);

    public TrackedChange NewAdd(string platform, string workspace, string mapName, CrashForm form, string title)
    {
        ArgumentNullException.ThrowIfNull(form);
        var number = NextNumber();
        var person = new TrackedPerson(PersonName(number), platform, workspace, mapName, form.MapId);
        var add = new TrackedChange(number, ChangeKind.Add, person, title, form, editIndex: -1);
        person.Add = add;
        _people.Enqueue(person);
        return add;
    }

    public TrackedChange NewEdit(TrackedPerson person, CrashForm form, string title)
    {
        ArgumentNullException.ThrowIfNull(person);
        var edit = new TrackedChange(NextNumber(), ChangeKind.Edit, person, title, form, person.Edits.Count);
        person.AddEdit(edit);
        return edit;
    }

    /// <summary>A form for <paramref name="name"/> was served, so the map is committed; its id must never change.</summary>
    public void MapServed(string platform, string workspace, string name, Guid id)
    {
        var map = _maps.GetOrAdd(name, _ => new TrackedMap(platform, workspace, name, id));
        if (map.Id != id)
            _clientViolations.Enqueue($"map {name} ({workspace}) was {map.Id} and is now served as {id}: the first one was lost");
    }

    /// <summary>A change got its first acknowledgement.</summary>
    public void Acknowledged()
    {
        Interlocked.Increment(ref _acknowledged);
        Interlocked.Exchange(ref _acknowledgement, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>Waits (without polling) until <see cref="AcknowledgedCount"/> reaches <paramref name="count"/>.</summary>
    public async Task WaitForAcknowledgedAsync(int count, CancellationToken cancellationToken)
    {
        while (true)
        {
            // Take the signal before reading the count, so an acknowledgement in between still wakes us.
            var next = Volatile.Read(ref _acknowledgement).Task;
            if (AcknowledgedCount >= count)
                return;
            await next.WaitAsync(cancellationToken);
        }
    }

    public void ClientViolation(string message) => _clientViolations.Enqueue(message);

    public void CountResend(bool ofAcknowledged)
    {
        if (ofAcknowledged)
            Interlocked.Increment(ref _resendsOfAcknowledged);
        else
            Interlocked.Increment(ref _resendsOfUnknown);
    }

    public void CountDoubleSubmit() => Interlocked.Increment(ref _doubleSubmits);

    public static string PersonName(int number) => FormattableString.Invariant($"Person{number:D6}");
}
