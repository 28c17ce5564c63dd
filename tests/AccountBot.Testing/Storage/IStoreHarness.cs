using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace AccountBot.Testing.Storage;

/// <summary>
/// What a store contract needs from one implementation: storage that is empty when a test starts, stores opened on it,
/// and a way to close them and open new ones, as a restarted process (or another instance) would.
/// </summary>
public interface IStoreHarness : IAsyncDisposable
{
    /// <summary>The clock the stores are given (idempotency keys are stamped with it).</summary>
    FakeTimeProvider Time { get; }

    /// <summary>Opens stores on the harness's storage: empty on the first call, what the earlier stores wrote after.</summary>
    Task<StoreSet> OpenAsync();

    /// <summary>Closes what <see cref="OpenAsync"/> opened (later reads must come from storage, not that memory).</summary>
    Task CloseAsync();
}
