using AccountBot.Teams.Routing;

namespace AccountBot.Teams.Tests.Routing;

/// <summary>How the turn makes Teams' HTML-ish text command text (<see cref="TeamsTurn.CleanText"/>).</summary>
public sealed class CommandTextTests
{
    [Theory]
    [InlineData("map Acme", "map Acme")]
    [InlineData("  map   Acme&nbsp;Corp ", "map Acme Corp")]
    [InlineData("map AT&amp;T", "map AT&T")]
    [InlineData("<p>map Acme edit <at>Jane Doe</at></p>", "map Acme edit Jane Doe")]
    [InlineData("map &quot;Add Corp&quot; add", "map \"Add Corp\" add")]
    [InlineData(null, "")]
    [InlineData("map Acme  add Jane", "map Acme add Jane")]
    [InlineData("map Acme\tadd Jane", "map Acme add Jane")]
    [InlineData("map Acme\u00A0add Jane", "map Acme add Jane")]
    [InlineData("map Acme add Jane\u2003", "map Acme add Jane")]
    [InlineData("\u2003map Acme", "map Acme")]
    [InlineData("map Acme\u2003add", "map Acme\u2003add")]
    [InlineData("<p>map Acme owner <@6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b|Jane Doe></p>", "map Acme owner <@6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b|Jane Doe>")]
    [InlineData("map reassign &lt;@U1|old&gt; <b>x</b>", "map reassign <@U1|old> x")]
    [InlineData("<p>map Acme add Jane, VP</p><p>Bob, CFO</p>", "map Acme add Jane, VP\nBob, CFO")]
    [InlineData("map Acme add Jane, VP<br/>Bob,   CFO\r\n\r\nCarl", "map Acme add Jane, VP\nBob, CFO\nCarl")]
    [InlineData("map Acme add Jane, owner <@29:1bob|Bob Smith>", "map Acme add Jane, owner <@29:1bob|Bob Smith>")]
    public void CleanText_TeamsText_GivesCommandText(string? text, string expected) =>
        Assert.Equal(expected, TeamsTurn.CleanText(text));
}
