using System.Globalization;
using AccountBot.Core.Accounts;

namespace AccountBot.Testing.Builders;

/// <summary>
/// Builds a valid, not yet saved (version 0) <see cref="AccountMap"/>:
/// <c>MapBuilder.For(workspace).Named("Acme").WithStakeholders(30).Build()</c>.
/// Generated people are varied (every role, scores 1–5, stances, owners, a reporting tree) so
/// coverage and views have something to work on; the builder is deterministic apart from ids.
/// </summary>
public sealed class MapBuilder
{
    /// <summary>The default time of every stamp: a Monday morning, UTC.</summary>
    public static readonly DateTimeOffset DefaultTime = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The default owner and author of every stamp.</summary>
    public static readonly UserRef DefaultUser = new("U0OWNER", "Olivia Owner");

    private static readonly Stance[] Stances = Enum.GetValues<Stance>();
    private static readonly Raci[] Racis = Enum.GetValues<Raci>();
    private static readonly RelationshipStrength[] Strengths = Enum.GetValues<RelationshipStrength>();

    private readonly WorkspaceKey _workspace;
    private readonly List<Stakeholder> _people = [];
    private readonly List<Relationship> _relationships = [];
    private readonly List<ChannelRef> _channels = [];
    private readonly List<string> _aliases = [];
    private Guid _id = Guid.NewGuid();
    private string _name = "Acme Corp";
    private string? _domain;
    private MapKind _kind;
    private UserRef _owner = DefaultUser;
    private DateTimeOffset _at = DefaultTime;
    private Stamp? _reviewed;

    private MapBuilder(WorkspaceKey workspace) => _workspace = workspace;

    public static MapBuilder For(WorkspaceKey workspace) => new(workspace);

    public MapBuilder WithId(Guid id) => With(() => _id = id);

    public MapBuilder Named(string name) => With(() => _name = name);

    public MapBuilder WithAliases(params string[] aliases) => With(() => _aliases.AddRange(aliases));

    public MapBuilder WithDomain(string domain) => With(() => _domain = domain);

    public MapBuilder OfKind(MapKind kind) => With(() => _kind = kind);

    public MapBuilder OwnedBy(UserRef owner) => With(() => _owner = owner);

    /// <summary>The time of the created and updated stamps.</summary>
    public MapBuilder At(DateTimeOffset at) => With(() => _at = at);

    public MapBuilder LinkedTo(string channelId, string? channelName = null) => With(() => _channels.Add(new ChannelRef(channelId, channelName)));

    public MapBuilder ReviewedAt(DateTimeOffset at, UserRef? by = null) => With(() => _reviewed = new Stamp(at, by ?? _owner));

    public MapBuilder WithStakeholder(Stakeholder person) => With(() => _people.Add(person));

    public MapBuilder WithStakeholder(string name, Func<StakeholderBuilder, StakeholderBuilder>? configure = null)
    {
        var builder = StakeholderBuilder.Named(name);
        return WithStakeholder((configure?.Invoke(builder) ?? builder).Build());
    }

    /// <summary>Adds <paramref name="count"/> generated people named "Person 001"… after those already added.</summary>
    public MapBuilder WithStakeholders(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var first = _people.Count;
        for (var i = 0; i < count; i++)
        {
            var n = first + i;
            var role = Roles.All[n % Roles.All.Count];
            var builder = StakeholderBuilder.Named(string.Create(CultureInfo.InvariantCulture, $"Person {n + 1:D3}"))
                .Titled(role == Role.DecisionMaker ? "Chief Operating Officer" : "Manager", n % 2 == 0 ? "Operations" : "IT")
                .WithRoles(role)
                .WithScores(power: (n % 5) + 1, interest: ((n + 2) % 5) + 1)
                .WithStance(Stances[n % Stances.Length])
                .WithRaci(Racis[n % Racis.Length])
                .LastContactedOn(DateOnly.FromDateTime(_at.UtcDateTime).AddDays(-(n % 60)));
            if (n % 3 != 0)
            {
                builder = builder.OwnedBy(new UserRef(string.Create(CultureInfo.InvariantCulture, $"U0REP{n % 4}"), "Rep"), Strengths[n % Strengths.Length]);
            }

            if (role == Role.Blocker || n % 4 == 0)
            {
                builder = builder.WithNextStep("Book a follow-up call", DateOnly.FromDateTime(_at.UtcDateTime).AddDays(7));
            }

            // A reporting tree: each person reports to an earlier one, so there is never a loop.
            if (n > 0)
            {
                builder = builder.ReportingTo(_people[(n - 1) / 5]);
            }

            _people.Add(builder.Build());
        }

        return this;
    }

    public MapBuilder WithRelationship(Stakeholder from, Stakeholder to, RelationshipKind kind, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return With(() => _relationships.Add(new Relationship(Guid.NewGuid(), from.Id, to.Id, kind, note)));
    }

    public AccountMap Build()
    {
        var stamp = new Stamp(_at, _owner);
        return new AccountMap
        {
            Id = _id,
            Workspace = _workspace,
            Name = _name,
            Aliases = [.. _aliases],
            Domain = _domain,
            Kind = _kind,
            Owner = _owner,
            LinkedChannels = [.. _channels],
            Created = stamp,
            Updated = stamp,
            LastReviewed = _reviewed,
            Stakeholders = [.. _people],
            Relationships = [.. _relationships],
        };
    }

    private MapBuilder With(Action change)
    {
        change();
        return this;
    }
}
