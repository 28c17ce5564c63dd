namespace AccountBot.EndToEnd.Tests.Harness;

/// <summary>
/// Keeps every item that arrives (WebSocket frames, activities the bot received) and lets a test wait for
/// the first one matching a predicate, whether it came before the wait started or comes later.
/// </summary>
public sealed class FrameCollector<T>
    where T : notnull
{
    private readonly List<T> _items = [];
    private readonly List<Waiter> _waiters = [];
    private readonly Lock _lock = new();
    private readonly Func<T, string> _describe;
    private readonly string _name;
    private readonly List<string> _notes = [];

    public FrameCollector(string name, Func<T, string> describe)
    {
        _name = name;
        _describe = describe;
    }

    /// <summary>A snapshot of everything received so far, in arrival order.</summary>
    public IReadOnlyList<T> Items
    {
        get
        {
            lock (_lock)
                return [.. _items];
        }
    }

    public void Add(T item)
    {
        List<Waiter> satisfied = [];
        lock (_lock)
        {
            _items.Add(item);
            foreach (var waiter in _waiters)
            {
                if (waiter.Predicate(item))
                    satisfied.Add(waiter);
            }

            foreach (var waiter in satisfied)
                _waiters.Remove(waiter);
        }

        foreach (var waiter in satisfied)
            waiter.Completion.TrySetResult(item);
    }

    /// <summary>Records something that explains a failed wait: the source closed, a frame could not be parsed.</summary>
    public void Note(string note)
    {
        lock (_lock)
            _notes.Add(note);
    }

    /// <summary>The first item matching <paramref name="predicate"/>; a <see cref="TimeoutException"/> listing what did arrive otherwise.</summary>
    public async Task<T> WaitForAsync(Func<T, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var waiter = new Waiter(predicate);
        lock (_lock)
        {
            foreach (var item in _items)
            {
                if (predicate(item))
                    return item;
            }

            _waiters.Add(waiter);
        }

        try
        {
            return await waiter.Completion.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            lock (_lock)
                _waiters.Remove(waiter);
            throw new TimeoutException(DescribeMiss(timeout));
        }
        catch (OperationCanceledException)
        {
            lock (_lock)
                _waiters.Remove(waiter);
            throw;
        }
    }

    private string DescribeMiss(TimeSpan timeout)
    {
        var items = Items;
        string notes;
        lock (_lock)
            notes = string.Join("; ", _notes);
        var lines = items.Select((item, i) => $"  [{i}] {_describe(item)}");
        return $"No matching item on {_name} within {timeout.TotalSeconds:F0} s. "
            + (notes.Length == 0 ? string.Empty : $"Notes: {notes}. ")
            + (items.Count == 0 ? "Nothing arrived." : $"{items.Count} arrived:\n{string.Join('\n', lines)}");
    }

    private sealed record Waiter(Func<T, bool> Predicate)
    {
        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
