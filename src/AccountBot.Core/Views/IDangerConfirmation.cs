namespace AccountBot.Core.Views;

/// <summary>
/// A question asked before something that cannot be undone (erase a person, delete a map): drawn once per platform as
/// the question, a destructive confirm button and a cancel button, each sending its command.
/// </summary>
public interface IDangerConfirmation
{
    string Title { get; }

    string Question { get; }

    string ConfirmButton { get; }

    string CancelButton { get; }

    string ConfirmCommand { get; }

    /// <summary>Where the cancel button leads: the map again.</summary>
    string CancelCommand { get; }
}
