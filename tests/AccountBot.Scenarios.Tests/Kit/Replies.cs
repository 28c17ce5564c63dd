namespace AccountBot.Scenarios.Tests.Kit;

/// <summary>What one request made the person see: each message, form or notice as its visible lines.</summary>
public sealed record Replies(string Platform, IReadOnlyList<string> Lines)
{
    public string Text => string.Join('\n', Lines);

    /// <summary>Every expected text is seen (within a line, ordinal); the failure shows all that was seen.</summary>
    public Replies AssertReply(params string[] expected)
    {
        foreach (var text in expected)
            Assert.True(Lines.Any(l => l.Contains(text, StringComparison.Ordinal)), $"{Platform}: expected to see \"{text}\" in:\n{Text}");
        return this;
    }

    /// <summary>None of these texts is seen anywhere.</summary>
    public Replies AssertNoReply(params string[] unexpected)
    {
        foreach (var text in unexpected)
            Assert.False(Lines.Any(l => l.Contains(text, StringComparison.Ordinal)), $"{Platform}: did not expect \"{text}\" in:\n{Text}");
        return this;
    }
}
