using System.Globalization;

namespace ChefsRekrytering.Documents;

/// <summary>
/// A file's size as a person reads it, in Swedish: "656 byte", "1,2 kB", "3,4 MB" (1 kB = 1024 byte, one decimal
/// where it says something). The one place sizes are written for people: the document lists and the upload limits.
/// </summary>
public static class Filstorlek
{
    private static readonly CultureInfo Svenska = CultureInfo.GetCultureInfo("sv-SE");
    private static readonly string[] Enheter = ["kB", "MB", "GB", "TB"];

    public static string Text(long bytes)
    {
        if (bytes < 1024) return $"{Math.Max(0, bytes)} byte";
        var storlek = bytes / 1024.0;
        var enhet = 0;
        // Rounded first, so 1023,96 kB reads "1 MB" rather than "1024 kB".
        while (Math.Round(storlek, 1) >= 1024 && enhet < Enheter.Length - 1)
        {
            storlek /= 1024;
            enhet++;
        }
        return string.Create(Svenska, $"{storlek:0.#} {Enheter[enhet]}");
    }
}
