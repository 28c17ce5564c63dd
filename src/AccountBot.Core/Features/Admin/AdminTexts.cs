using System.Globalization;
using AccountBot.Core.Text;

namespace AccountBot.Core.Features.Admin;

/// <summary>The catalogue's admin sentences with their blanks filled in.</summary>
public static class AdminTexts
{
    public static string OnlyAdmins(string what, string platform, string workspaceAdmins) =>
        Format(Sentences.AdminOnlyAdmins, what, platform, workspaceAdmins);

    public static string OnlyOwnerOrAdmin(string map, string owner, string platform, string workspaceAdmins) =>
        Format(Sentences.AdminOnlyOwnerOrAdmin, map, owner, platform, workspaceAdmins);

    public static string Format(string sentence, params object[] values) =>
        string.Format(CultureInfo.CurrentCulture, sentence, values);
}
