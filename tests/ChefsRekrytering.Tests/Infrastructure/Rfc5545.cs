using System.Text;
using System.Text.RegularExpressions;

namespace ChefsRekrytering.Tests.Infrastructure;

/// <summary>
/// A strict reading of an iCalendar file (RFC 5545) for tests: lines of at most 75 octets ending in CRLF, content lines
/// by the grammar, components that open and close, and the values a calendar program parses as numbers (recurrence
/// rules, dates, offsets, integers) in their ASCII grammar. Ical.Net reads more than the standard allows, so a file it
/// loads can still be refused by Outlook or Google: this is what they expect.
/// </summary>
public static partial class Rfc5545
{
    /// <summary>Every way the text breaks the standard; empty when it is valid.</summary>
    public static IReadOnlyList<string> Errors(string ics)
    {
        var errors = new List<string>();
        if (!ics.EndsWith("\r\n", StringComparison.Ordinal)) errors.Add("Filen slutar inte med CRLF.");
        var physical = ics.Split("\r\n");
        foreach (var (line, i) in physical.Select((l, i) => (l, i + 1)))
        {
            if (line.Contains('\n') || line.Contains('\r')) errors.Add($"Rad {i}: radbrytning utan CRLF.");
            if (Encoding.UTF8.GetByteCount(line) > 75) errors.Add($"Rad {i}: längre än 75 oktetter.");
        }
        var unfolded = new List<string>();
        foreach (var line in physical.Take(physical.Length - 1))
            if (line.Length > 0 && line[0] is ' ' or '\t' && unfolded.Count > 0) unfolded[^1] += line[1..];
            else unfolded.Add(line);

        var open = new Stack<string>();
        var properties = new List<(string Component, string Name)>();
        foreach (var line in unfolded)
        {
            var m = ContentLine().Match(line);
            if (!m.Success)
            {
                errors.Add($"Ingen giltig innehållsrad: {line}");
                continue;
            }
            var (name, value) = (m.Groups["name"].Value.ToUpperInvariant(), m.Groups["value"].Value);
            var parameters = m.Groups["param"].Captures.Select(c => c.Value.ToUpperInvariant()).ToList();
            if (name == "BEGIN") { open.Push(value.ToUpperInvariant()); continue; }
            if (name == "END")
            {
                if (open.Count == 0 || open.Pop() != value.ToUpperInvariant()) errors.Add($"END:{value} stänger ingen öppen komponent.");
                continue;
            }
            if (open.Count == 0) errors.Add($"{name} står utanför VCALENDAR.");
            properties.Add((open.Count > 0 ? open.Peek() : "", name));
            if (Check(name, value, parameters) is { } error) errors.Add($"{name}:{value}: {error}");
        }
        if (open.Count > 0) errors.Add($"{string.Join(", ", open)} stängs aldrig.");
        foreach (var required in new[] { "PRODID", "VERSION" })
            if (!properties.Contains(("VCALENDAR", required))) errors.Add($"VCALENDAR saknar {required}.");
        return errors;
    }

    private static string? Check(string name, string value, IReadOnlyList<string> parameters) => name switch
    {
        "VERSION" when value != "2.0" => "ska vara 2.0",
        "RRULE" => Recur(value),
        "DTSTART" or "DTEND" or "DTSTAMP" or "CREATED" or "LAST-MODIFIED" or "RECURRENCE-ID" or "RDATE" or "EXDATE" =>
            value.Split(',').All(v => parameters.Contains("VALUE=DATE") ? Date().IsMatch(v) : DateTime().IsMatch(v)) ? null : "inget datum enligt standarden",
        "TZOFFSETFROM" or "TZOFFSETTO" => Offset().IsMatch(value) ? null : "ingen UTC-förskjutning enligt standarden",
        "SEQUENCE" or "PRIORITY" or "PERCENT-COMPLETE" => Integer().IsMatch(value) ? null : "inget heltal",
        _ => null,
    };

    /// <summary>recur (RFC 5545 3.3.10): FREQ once, then rule parts whose numbers are ASCII digits with an ASCII sign.</summary>
    private static string? Recur(string value)
    {
        var parts = value.Split(';').Select(p => p.Split('=', 2)).ToList();
        if (parts.Any(p => p.Length != 2)) return "en regeldel saknar =";
        if (parts.Count(p => p[0] == "FREQ") != 1) return "FREQ ska finnas en gång";
        foreach (var p in parts)
        {
            var ok = p[0] switch
            {
                "FREQ" => Freq().IsMatch(p[1]),
                "UNTIL" => Date().IsMatch(p[1]) || DateTime().IsMatch(p[1]),
                "COUNT" or "INTERVAL" => Integer().IsMatch(p[1]),
                "BYSECOND" or "BYMINUTE" or "BYHOUR" or "BYMONTH" => p[1].Split(',').All(UnsignedSmall().IsMatch),
                "BYDAY" => p[1].Split(',').All(WeekdayNum().IsMatch),
                "BYMONTHDAY" or "BYWEEKNO" => p[1].Split(',').All(SignedSmall().IsMatch),
                "BYYEARDAY" or "BYSETPOS" => p[1].Split(',').All(SignedDay().IsMatch),
                "WKST" => Weekday().IsMatch(p[1]),
                _ => p[0].StartsWith("X-", StringComparison.Ordinal),
            };
            if (!ok) return $"{p[0]}={p[1]} följer inte standarden";
        }
        return null;
    }

    // contentline = name *(";" param) ":" value; param values are paramtext or quoted-string; no control characters but HTAB.
    [GeneratedRegex("""^(?<name>[A-Za-z0-9-]+)(;(?<param>[A-Za-z0-9-]+=(?:"[^"\x00-\x08\x0A-\x1F\x7F]*"|[^";:,\x00-\x08\x0A-\x1F\x7F]*)(?:,(?:"[^"\x00-\x08\x0A-\x1F\x7F]*"|[^";:,\x00-\x08\x0A-\x1F\x7F]*))*))*:(?<value>[^\x00-\x08\x0A-\x1F\x7F]*)$""")]
    private static partial Regex ContentLine();

    [GeneratedRegex("^[0-9]{8}$")] private static partial Regex Date();
    [GeneratedRegex("^[0-9]{8}T[0-9]{6}Z?$")] private static partial Regex DateTime();
    [GeneratedRegex("^[+-][0-9]{4}([0-9]{2})?$")] private static partial Regex Offset();
    [GeneratedRegex("^[+-]?[0-9]+$")] private static partial Regex Integer();
    [GeneratedRegex("^(SECONDLY|MINUTELY|HOURLY|DAILY|WEEKLY|MONTHLY|YEARLY)$")] private static partial Regex Freq();
    [GeneratedRegex("^[0-9]{1,2}$")] private static partial Regex UnsignedSmall();
    [GeneratedRegex("^[+-]?[0-9]{1,2}$")] private static partial Regex SignedSmall();
    [GeneratedRegex("^[+-]?[0-9]{1,3}$")] private static partial Regex SignedDay();
    [GeneratedRegex("^([+-]?[0-9]{1,2})?(SU|MO|TU|WE|TH|FR|SA)$")] private static partial Regex WeekdayNum();
    [GeneratedRegex("^(SU|MO|TU|WE|TH|FR|SA)$")] private static partial Regex Weekday();
}
