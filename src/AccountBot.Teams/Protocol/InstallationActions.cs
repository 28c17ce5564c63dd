namespace AccountBot.Teams.Protocol;

/// <summary><c>action</c> values of an <c>installationUpdate</c>.</summary>
public static class InstallationActions
{
    public const string Add = "add";
    public const string Remove = "remove";
}
