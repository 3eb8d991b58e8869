namespace ChefsRekrytering.Calendar;

/// <summary>Instants are stored in UTC and shown in Swedish time.</summary>
public static class SwedishTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
    public static readonly System.Globalization.CultureInfo Culture = new("sv-SE");
    /// <summary>Names in Swedish alphabetical order (å, ä, ö last), case-sensitive as lists of people and units show them.</summary>
    public static readonly StringComparer NameOrder = StringComparer.Create(Culture, false);

    public static DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    /// <summary>"tisdag 1 december 2026 kl. 09:00"</summary>
    public static string Format(DateTime utc) => ToLocal(utc).ToString("dddd d MMMM yyyy 'kl.' HH:mm", Culture);
}
