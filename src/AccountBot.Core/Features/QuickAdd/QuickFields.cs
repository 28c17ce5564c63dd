namespace AccountBot.Core.Features.QuickAdd;

/// <summary>The fields a quick add can set, as flags: which ones an undo puts back.</summary>
[Flags]
public enum QuickFields
{
    None = 0,
    Title = 1,
    Roles = 2,
    Power = 4,
    Interest = 8,
    Owner = 16,
    NextStep = 32,
    NextStepDue = 64,
}
