using AccountBot.Scenarios.Tests.Kit;

namespace AccountBot.Scenarios.Tests;

/// <summary>Starting points made the way a person makes them: by commands and the form.</summary>
internal static class Seed
{
    /// <summary>The sales map Acme with Jane Doe, VP Engineering, a champion.</summary>
    public static async Task MapWithJaneAsync(Chat chat)
    {
        await chat.Send("map Acme create").AssertReply("created the sales map Acme.");
        await chat.Send("map Acme add Jane Doe");
        await chat.SubmitForm(("title", "VP Engineering"), ("roles", "Champion")).AssertReply("added Jane Doe.");
    }

    /// <summary>Adds a person with these roles (option values, comma-separated) to Acme through the form.</summary>
    public static async Task AddAsync(Chat chat, string name, string roles)
    {
        await chat.Send("map Acme add " + name);
        await chat.SubmitForm(("roles", roles)).AssertReply($"added {name}.");
    }
}
