namespace AccountBot.Scenarios.Tests.Kit;

/// <summary>Who sends a command: the cast every chat knows (ids and names differ per platform: <see cref="Chat.NameOf"/>).</summary>
public enum Person
{
    /// <summary>The person every plain <see cref="Chat.Send(string)"/> comes from.</summary>
    Me,

    /// <summary>Someone else of the same organisation, no admin.</summary>
    Colleague,

    /// <summary>Named in the host's Admins setting of the platform.</summary>
    Admin,
}
