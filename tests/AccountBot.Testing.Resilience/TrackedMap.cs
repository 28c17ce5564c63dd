namespace AccountBot.Testing.Resilience;

/// <summary>A map the bot served a form for: it exists from then on, under this id.</summary>
public sealed record TrackedMap(string Platform, string Workspace, string Name, Guid Id);
