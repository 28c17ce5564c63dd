using AccountBot.Core.Accounts;

namespace AccountBot.Storage.LiteDb.Documents;

/// <summary>Stored form of <see cref="ChannelRef"/>.</summary>
public sealed class ChannelRefDocument
{
    public string Id { get; set; } = string.Empty;
    public string? Name { get; set; }

    public static ChannelRefDocument From(ChannelRef channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return new() { Id = channel.Id, Name = channel.Name };
    }

    public ChannelRef ToDomain() => new(Id, Name);
}
