namespace AccountBot.Core.Workspaces;

/// <summary>How long a removed workspace's data is kept before it is deleted (the host binds it from <c>Privacy:UninstallGraceDays</c>).</summary>
public sealed record WorkspaceRemovalPolicy(TimeSpan Grace);
