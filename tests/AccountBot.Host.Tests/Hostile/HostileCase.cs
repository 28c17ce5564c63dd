using AccountBot.Core.Accounts;

namespace AccountBot.Host.Tests.Hostile;

/// <summary>
/// One generated input: which endpoint, which kind of hostility, a short label to replay it by, and how to build the
/// request against a running <see cref="HostileHost"/> (ids are resolved there, by their role: "a map of the other
/// workspace", so a seed replays the same corpus although the host's ids are new each run).
/// </summary>
internal sealed record HostileCase(string Endpoint, string Category, string Label, WorkspaceKey Sender, Func<HostileHost, HttpRequestMessage> Build)
{
    /// <summary>
    /// The workspace whose data a well-formed request may legitimately change (a command the sender is allowed to
    /// run in their own workspace). Null: the input must change nothing anywhere.
    /// </summary>
    public WorkspaceKey? MayChange { get; init; }

    /// <summary>Teams: an unknown invoke is answered 501 as the Bot Framework protocol says (PROTOCOLS.md).</summary>
    public bool NotImplementedIsProtocol { get; init; }

    /// <summary>When set, the input is these bytes written to the socket as they are (HTTP the client library will not send).</summary>
    public Func<HostileHost, byte[]>? Raw { get; init; }

    public override string ToString() => $"{Endpoint} [{Category}] {Label}";
}
