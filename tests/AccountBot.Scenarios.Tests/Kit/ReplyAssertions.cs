namespace AccountBot.Scenarios.Tests.Kit;

/// <summary>Lets a scenario read as one line: <c>await chat.Send("map Acme").AssertReply("…")</c>.</summary>
public static class ReplyAssertions
{
    public static async Task<Replies> AssertReply(this Task<Replies> replies, params string[] expected)
    {
        ArgumentNullException.ThrowIfNull(replies);
        return (await replies).AssertReply(expected);
    }

    public static async Task<Replies> AssertNoReply(this Task<Replies> replies, params string[] unexpected)
    {
        ArgumentNullException.ThrowIfNull(replies);
        return (await replies).AssertNoReply(unexpected);
    }
}
