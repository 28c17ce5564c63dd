using System.Globalization;

namespace AccountBot.Core.Text;

/// <summary>Fills a catalogue sentence's {0}, {1}… the way an interpolated string would: with the current culture.</summary>
public static class Say
{
    public static string Format(string sentence, params object?[] values) => string.Format(CultureInfo.CurrentCulture, sentence, values);
}
