using Xunit.Abstractions;

namespace AccountBot.Host.Tests.Hostile;

/// <summary>
/// Issue #7, hostile input: a generated, seeded corpus for every endpoint against the real host. Every input must
/// get a 2xx (a polite answer where a user sees one) or a 4xx, never a 5xx or an exception, and must change no data
/// its sender may not touch. Each test prints its summary table; see Hostile/README.md.
/// </summary>
public sealed class HostileInputTests(HostileHostFixture fixture, ITestOutputHelper output) : IClassFixture<HostileHostFixture>
{
    [Fact]
    public Task Teams_GeneratedCorpus_NoServerErrorsNoForeignChanges() => RunAsync(TeamsCorpus.All());

    [Fact]
    public Task SlackCommands_GeneratedCorpus_NoServerErrorsNoForeignChanges() => RunAsync(SlackCorpus.CommandCases());

    [Fact]
    public Task SlackInteractivity_GeneratedCorpus_NoServerErrorsNoForeignChanges() => RunAsync(SlackCorpus.InteractivityCases());

    [Fact]
    public Task SlackOptions_GeneratedCorpus_NoServerErrorsNoForeignPeople() => RunAsync(SlackCorpus.OptionsCases());

    [Fact]
    public Task SlackEvents_GeneratedCorpus_NoServerErrorsNoForeignChanges() => RunAsync(SlackCorpus.EventCases());

    [Fact]
    public Task SlackInstall_GeneratedCorpus_NoServerErrors() => RunAsync(WebCorpus.OAuthCases());

    [Fact]
    public Task PictureAndExportLinks_GeneratedCorpus_NoServerErrorsNoForeignData() => RunAsync(WebCorpus.LinkCases());

    [Fact]
    public Task Health_GeneratedCorpus_NoServerErrors() => RunAsync(WebCorpus.HealthCases());

    private async Task RunAsync(IReadOnlyList<HostileCase> cases)
    {
        var host = fixture.Host;
        var tally = new HostileTally();
        foreach (var input in cases)
            tally.Add(await host.RunAsync(input));

        output.WriteLine($"HOSTILE_SEED={Corpus.Seed}");
        output.WriteLine(tally.Table());
        Assert.True(tally.Failures.Count == 0, tally.FailureReport());
    }
}

/// <summary>One seeded host for the whole class (xunit runs its tests one after another).</summary>
public sealed class HostileHostFixture : IAsyncLifetime
{
    internal HostileHost Host { get; } = new();

    public Task InitializeAsync() => Host.InitializeAsync();

    public Task DisposeAsync() => Host.DisposeAsync();
}
