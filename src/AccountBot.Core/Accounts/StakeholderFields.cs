namespace AccountBot.Core.Accounts;

/// <summary>
/// Field names shared by validation errors and the forms: the Teams and Slack renderers use them
/// as input ids / block ids so an error lands next to its field.
/// </summary>
public static class StakeholderFields
{
    public const string General = "general";
    public const string Name = "name";
    public const string Title = "title";
    public const string Department = "department";
    public const string Email = "email";
    public const string ProfileUrl = "profileUrl";
    public const string ReportsTo = "reportsTo";
    public const string Roles = "roles";
    public const string Power = "power";
    public const string Interest = "interest";
    public const string Stance = "stance";
    public const string Raci = "raci";
    public const string RelationshipOwner = "owner";
    public const string Strength = "strength";
    public const string LastContacted = "lastContacted";
    public const string NextStep = "nextStep";
    public const string NextStepDue = "nextStepDue";
    public const string Notes = "notes";
    public const string CaresAbout = "caresAbout";
    public const string Plan = "plan";
    public const string Status = "status";
    public const string RelatedTo = "relatedTo";
    public const string RelationshipKind = "relationshipKind";
    public const string RelationshipNote = "relationshipNote";
    public const string MapName = "mapName";
}
