namespace AccountBot.Scenarios.Tests.Kit;

/// <summary>
/// One person talking to the real host on one platform: <c>await chat.Send("map Acme").AssertReply("Acme")</c>.
/// Each call waits until the host has answered and sent everything the request caused (after-ack work included),
/// and gives back what the person would see, as plain text.
/// </summary>
public abstract class Chat : IAsyncDisposable
{
    /// <summary>The platforms every scenario runs on.</summary>
    public static TheoryData<string> Platforms => ["slack", "teams"];

    public abstract string Platform { get; }

    /// <summary>The last form the bot opened (Slack modal, Teams card with inputs), or null before any.</summary>
    public ShownForm? Form { get; protected set; }

    /// <summary>Starts the host for <paramref name="platform"/> (<c>slack</c> or <c>teams</c>).</summary>
    public static async Task<Chat> StartAsync(string platform) => platform switch
    {
        "slack" => await SlackChat.StartAsync(),
        "teams" => await TeamsChat.StartAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, "slack or teams"),
    };

    /// <summary>A command as the platform carries it: Slack's <c>/map</c> with the rest as text, a Teams message.</summary>
    public Task<Replies> Send(string command) => SendAsync(command, Person.Me, Place.Here);

    /// <summary>The same command from someone of another organisation (Slack Connect, a Teams guest).</summary>
    public Task<Replies> SendAsOutsider(string command) => SendAsync(command, outsider: true);

    /// <summary>The same command from <paramref name="person"/>, sent from <paramref name="place"/>.</summary>
    public Task<Replies> Send(string command, Person person, Place place = Place.Here) => SendAsync(command, person, place);

    /// <summary>How a message @mentions <paramref name="person"/> on this platform (Slack's escaped mention, a Teams &lt;at&gt; with its entity).</summary>
    public abstract string Mention(Person person);

    /// <summary>The name the bot shows for <paramref name="person"/> once mentioned or heard from.</summary>
    public abstract string NameOf(Person person);

    /// <summary>The user id the bot knows <paramref name="person"/> by (a form's person picker sends it).</summary>
    public abstract string UserId(Person person);

    protected abstract Task<Replies> SendAsync(string command, Person person, Place place);

    /// <summary>
    /// Fills in the last form and submits it: <paramref name="fields"/> by field id, option values for choices (several
    /// joined with commas). Fields not named keep what the form showed, as on the platform.
    /// </summary>
    public Task<Replies> SubmitForm(params (string Field, string Value)[] fields)
    {
        var form = Form ?? throw new InvalidOperationException("No form has been shown yet: Send a command that opens one first.");
        return SubmitAsync(form, fields.ToDictionary(f => f.Field, f => f.Value, StringComparer.Ordinal));
    }

    /// <summary>
    /// Types <paramref name="typed"/> into the last form (by field id, as <see cref="SubmitForm"/>) and presses its
    /// "More details": Slack's button (block_actions; the bot updates the modal), Teams' toggle (in the client, no
    /// request; the hidden inputs show). What was typed stays in the form; the replies are the form as now shown.
    /// </summary>
    public Task<Replies> MoreDetails(params (string Field, string Value)[] typed)
    {
        var form = Form ?? throw new InvalidOperationException("No form has been shown yet: Send a command that opens one first.");
        return MoreDetailsAsync(form, typed.ToDictionary(f => f.Field, f => f.Value, StringComparer.Ordinal));
    }

    /// <summary>The field ids of the inputs the last form shows now (inputs hidden until "More details" left out).</summary>
    public abstract IReadOnlyList<string> ShownInputs();

    /// <summary>
    /// Opens <see cref="Person.Me"/>'s personal home, "Your accounts", as the platform shows it: Slack's App Home (a signed
    /// <c>app_home_opened</c> event, answered by <c>views.publish</c>), Teams' <c>map mine</c> in the personal chat.
    /// </summary>
    public Task<Replies> OpenHome() => OpenHomeAsync();

    protected abstract Task<Replies> OpenHomeAsync();

    /// <summary>Presses the button labelled <paramref name="label"/> on the last message that showed one (a Slack button, a Teams Action.Submit).</summary>
    public Task<Replies> Press(string label) => PressAsync(label);

    protected abstract Task<Replies> SendAsync(string command, bool outsider);

    protected abstract Task<Replies> PressAsync(string label);

    protected abstract Task<Replies> MoreDetailsAsync(ShownForm form, IReadOnlyDictionary<string, string> typed);

    protected abstract Task<Replies> SubmitAsync(ShownForm form, IReadOnlyDictionary<string, string> fields);

    public abstract ValueTask DisposeAsync();
}
