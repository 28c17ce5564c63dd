namespace AccountBot.Testing.Resilience;

/// <summary>
/// One stakeholder-form submission a crash-loop client made, with every attempt's outcome (a submission is sent
/// again, with the same submission id, after an attempt whose outcome is unknown, and sometimes twice at once or
/// again after it was acknowledged). Owned by one client; read by the audit only while clients are parked.
/// </summary>
public sealed class TrackedChange(int number, ChangeKind kind, TrackedPerson person, string title, CrashForm form, int editIndex)
{
    public int Number { get; } = number;

    public ChangeKind Kind { get; } = kind;

    public TrackedPerson Person { get; } = person;

    /// <summary>The person's title after this change (unique per change, so history says which change it was).</summary>
    public string Title { get; } = title;

    public CrashForm Form { get; } = form;

    public string SubmissionId => Form.SubmissionId;

    /// <summary>For edits: 0 for the person's first edit, 1 for the next…; edits of one person are sent one after another.</summary>
    public int EditIndex { get; } = editIndex;

    public int Acknowledged { get; private set; }

    public int AcknowledgedBeforeReply { get; private set; }

    public int Rejected { get; private set; }

    public int Unknown { get; private set; }

    /// <summary>The client got an acknowledgement for some attempt: the change must be in the database, once.</summary>
    public bool IsAcknowledged => Acknowledged + AcknowledgedBeforeReply > 0;

    /// <summary>Every attempt was refused with a reason: the change must not be in the database.</summary>
    public bool IsOnlyRejected => Rejected > 0 && Acknowledged + AcknowledgedBeforeReply + Unknown == 0;

    /// <summary>The last attempt has no known outcome: the client still owes a resend.</summary>
    public bool IsPending { get; private set; } = true;

    public void Record(AttemptOutcome outcome)
    {
        switch (outcome)
        {
            case AttemptOutcome.Acknowledged:
                Acknowledged++;
                break;
            case AttemptOutcome.AcknowledgedBeforeReply:
                AcknowledgedBeforeReply++;
                break;
            case AttemptOutcome.Rejected:
                Rejected++;
                break;
            default:
                Unknown++;
                break;
        }

        IsPending = !IsAcknowledged && outcome == AttemptOutcome.Unknown;
    }

    public override string ToString() =>
        $"#{Number} {Kind} {Person.Name} (title '{Title}', submission {SubmissionId}, {Person.Platform} map {Person.MapName})";
}
