namespace AccountBot.Teams.Protocol;

/// <summary>One page of <c>GET /v3/conversations/{id}/pagedmembers</c>.</summary>
public sealed record PagedMembersResult
{
    public string? ContinuationToken { get; init; }

    public IReadOnlyList<ChannelAccount> Members { get; init; } = [];
}
