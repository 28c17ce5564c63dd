using AccountBot.Core.Accounts;

namespace AccountBot.Storage.LiteDb.Documents;

/// <summary>Stored form of <see cref="UserRef"/>.</summary>
public sealed class UserRefDocument
{
    public string Id { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;

    public static UserRefDocument From(UserRef user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new() { Id = user.Id, Name = user.Name };
    }

    public UserRef ToDomain() => new(Id, Name);
}
