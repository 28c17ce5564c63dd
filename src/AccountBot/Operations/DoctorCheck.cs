namespace AccountBot.Operations;

/// <summary>One line of <c>doctor</c>: what was checked, whether it passed, and what it found or what to fix.</summary>
internal sealed record DoctorCheck(string Name, bool Passed, string Text)
{
    public static DoctorCheck Pass(string name, string text) => new(name, true, text);

    public static DoctorCheck Fail(string name, string text) => new(name, false, text);

    public override string ToString() => $"{(Passed ? "ok  " : "FAIL")} {Name}: {Text}";
}
