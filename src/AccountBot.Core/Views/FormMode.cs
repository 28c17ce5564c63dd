namespace AccountBot.Core.Views;

/// <summary>Whether the stakeholder form adds a new person or edits one.</summary>
public enum FormMode
{
    Add,
    Edit,
}
