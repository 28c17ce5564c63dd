using System.Net;

namespace AccountBot.Operations;

/// <summary>What the running bot's admin endpoint answered.</summary>
internal sealed record AdminAnswer(HttpStatusCode Status, string Text)
{
    public bool Succeeded => Status == HttpStatusCode.OK;
}
