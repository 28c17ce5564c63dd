namespace AccountBot.Core.Views;

/// <summary>What an <see cref="ExportView"/> holds: a map's people, or every entry of its history.</summary>
public enum ExportContents
{
    People,
    History,
}
