using System.Globalization;
using AccountBot.Core.Text;

namespace AccountBot.Core.Accounts;

public sealed partial record AccountMap
{
    /// <summary>
    /// The person's next step is done: the step and its due date are cleared and they count as contacted on the day
    /// of <paramref name="stamp"/>. Refused when they are no longer on the map or have no next step (done already).
    /// </summary>
    public MapWrite MarkNextStepDone(Guid personId, Stamp stamp)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        var person = FindById(personId)
            ?? throw new DomainRuleException(StakeholderFields.General, Sentences.HomeDonePersonGone);
        if (string.IsNullOrWhiteSpace(person.NextStep) && person.NextStepDue is null)
        {
            throw new DomainRuleException(StakeholderFields.General, string.Format(CultureInfo.CurrentCulture, Sentences.HomeDoneNoStep, person.Name));
        }

        var done = person with { NextStep = null, NextStepDue = null, LastContacted = DateOnly.FromDateTime(stamp.At.UtcDateTime) };
        var map = Touch(stamp) with { Stakeholders = [.. Stakeholders.Select(s => s.Id == personId ? done : s)] };
        return MapWrite.Of(map, stamp, string.Format(CultureInfo.CurrentCulture, Sentences.HomeDoneSummary, person.Name), Describe(person, done));
    }
}
