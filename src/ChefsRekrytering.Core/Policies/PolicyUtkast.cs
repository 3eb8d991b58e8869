using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ChefsRekrytering.Policies;

/// <summary>
/// A policy version being written: every field of the policy file format (content/policies/SCHEMA.md) as plain
/// settable properties, so the structured editor can bind to it and it can be stored as JSON between edits.
/// <see cref="TillFiltext"/> writes the file format a published version stores; <see cref="Validera"/> reads that
/// text back with <see cref="PolicyFileParser"/>, so a draft is accepted by exactly the rules a file is.
/// </summary>
public sealed partial class PolicyUtkast
{
    [Display(Name = "kommunens namn")] public string Kommun { get; set; } = "";
    [Display(Name = "titel")] public string Titel { get; set; } = "";
    [Display(Name = "dokumenttyp")] public string Dokumenttyp { get; set; } = "";
    /// <summary>Null or empty when the document does not say; written as <see cref="LeadershipPolicy.UppgiftSaknas"/>.</summary>
    [Display(Name = "beslutande organ")] public string? AntagenAv { get; set; }
    [Display(Name = "beslutsdatum")] public DateOnly? AntagenDatum { get; set; }
    [Display(Name = "paragraf")] public string? Paragraf { get; set; }
    [Display(Name = "diarienummer")] public string? Diarienummer { get; set; }
    /// <summary>Where the text comes from, as a person names it; never an internal or uploaded file name.</summary>
    [Display(Name = "källa")] public string Kalla { get; set; } = "";
    [Display(Name = "sammanfattning")] [DataType(DataType.MultilineText)] public string Sammanfattning { get; set; } = "";
    public List<UtkastVardering> Varderingar { get; set; } = [];
    public List<UtkastKompetensomrade> Kompetensomraden { get; set; } = [];
    public List<string> ForvantningarPaArbetsgivaren { get; set; } = [];
    public List<string> Uppfoljning { get; set; } = [];
    /// <summary>The policy's full text, one entry per <c>##</c> section.</summary>
    public List<UtkastAvsnitt> Avsnitt { get; set; } = [];
    /// <summary>Requirement and area ids earlier versions have used: a requirement id is stable forever, so a new
    /// requirement never gets one of these even when the requirement that had it was removed.</summary>
    public List<string> AnvandaIds { get; set; } = [];

    public static PolicyUtkast FranPolicy(LeadershipPolicy p) => new()
    {
        Kommun = p.Kommun,
        Titel = p.Titel,
        Dokumenttyp = p.Dokumenttyp,
        AntagenAv = p.AntagenAv,
        AntagenDatum = p.AntagenDatum,
        Paragraf = p.Paragraf,
        Diarienummer = p.Diarienummer,
        Kalla = p.Kalla,
        Sammanfattning = p.Sammanfattning,
        Varderingar = p.Varderingar.Select(v => new UtkastVardering { Namn = v.Namn, Beskrivning = v.Beskrivning }).ToList(),
        Kompetensomraden = p.Kompetensomraden.Select(a => new UtkastKompetensomrade
        {
            Id = a.Id,
            Namn = a.Namn,
            Beskrivning = a.Beskrivning,
            Krav = a.Krav.Select(k => new UtkastKrav { Id = k.Id, Text = k.Text }).ToList(),
        }).ToList(),
        ForvantningarPaArbetsgivaren = p.ForvantningarPaArbetsgivaren.ToList(),
        Uppfoljning = p.Uppfoljning.ToList(),
        Avsnitt = p.Avsnitt.Select(s => new UtkastAvsnitt { Rubrik = s.Rubrik, Markdown = s.Markdown }).ToList(),
        AnvandaIds = p.Kompetensomraden.Select(a => a.Id).Concat(p.AllaKrav.Select(k => k.Id)).ToList(),
    };

    /// <summary>The policy as the file format; gives new areas and requirements their ids first (see
    /// <see cref="TilldelaIds"/>), so the draft keeps the ids the text was written with.</summary>
    public string TillFiltext(string kommunId)
    {
        TilldelaIds();
        var y = new StringBuilder();
        y.Append("---\n");
        Skalar(y, 0, "id", kommunId);
        Skalar(y, 0, "kommun", Kommun);
        Skalar(y, 0, "titel", Titel);
        Skalar(y, 0, "dokumenttyp", Dokumenttyp);
        Skalar(y, 0, "antagen_av", string.IsNullOrWhiteSpace(AntagenAv) ? LeadershipPolicy.UppgiftSaknas : AntagenAv);
        if (AntagenDatum is { } datum) Skalar(y, 0, "antagen_datum", datum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (!string.IsNullOrWhiteSpace(Paragraf)) Skalar(y, 0, "paragraf", Paragraf);
        if (!string.IsNullOrWhiteSpace(Diarienummer)) Skalar(y, 0, "diarienummer", Diarienummer);
        Skalar(y, 0, "kalla", Kalla);
        Skalar(y, 0, "sammanfattning", Sammanfattning);

        Lista(y, "varderingar", Varderingar, v =>
        {
            Skalar(y, 2, "- namn", v.Namn);
            if (!string.IsNullOrWhiteSpace(v.Beskrivning)) Skalar(y, 4, "beskrivning", v.Beskrivning);
        });
        Lista(y, "kompetensomraden", Kompetensomraden, a =>
        {
            Skalar(y, 2, "- id", a.Id);
            Skalar(y, 4, "namn", a.Namn);
            if (!string.IsNullOrWhiteSpace(a.Beskrivning)) Skalar(y, 4, "beskrivning", a.Beskrivning);
            if (a.Krav.Count == 0) { y.Append("    krav: []\n"); return; }
            y.Append("    krav:\n");
            foreach (var k in a.Krav)
            {
                Skalar(y, 6, "- id", k.Id);
                Skalar(y, 8, "text", k.Text);
            }
        });
        Lista(y, "forvantningar_pa_arbetsgivaren", ForvantningarPaArbetsgivaren, s => y.Append("  - ").Append(Citera(s)).Append('\n'));
        Lista(y, "uppfoljning", Uppfoljning, s => y.Append("  - ").Append(Citera(s)).Append('\n'));
        y.Append("---\n");

        y.Append('\n').Append("# ").Append(EnRad(Titel)).Append("\n\n");
        foreach (var s in Avsnitt)
            y.Append("## ").Append(EnRad(s.Rubrik)).Append("\n\n").Append(s.Markdown.Replace("\r\n", "\n").Trim()).Append("\n\n");
        return y.ToString();
    }

    /// <summary>Reads the draft back as the published policy would be read: the same rules as a file, the same Swedish
    /// messages. Throws <see cref="PolicyFormatException"/> naming the field when the draft cannot be published.</summary>
    public LeadershipPolicy Validera(string kommunId)
    {
        var fil = $"{kommunId}.md";
        if (!Kompetensomraden.Any(a => a.Krav.Any(k => !string.IsNullOrWhiteSpace(k.Text))))
            throw new PolicyFormatException(fil, "kompetensomraden",
                "saknar krav: en policy behöver minst ett kompetensområde med minst ett krav");
        if (Avsnitt.Count == 0)
            throw new PolicyFormatException(fil, "text", "saknas: policyns text behöver minst ett avsnitt med rubrik");
        // In the file a line starting with # or ## is a title or a new section: inside a section's text it would drop
        // the line or split the section without anyone asking for it.
        for (var i = 0; i < Avsnitt.Count; i++)
            if (Avsnitt[i].Markdown.Replace("\r\n", "\n").Split('\n').Any(r => r.StartsWith("# ") || r.StartsWith("## ") || r is "#" or "##"))
                throw new PolicyFormatException(fil, $"avsnitt[{i}] ('{Avsnitt[i].Rubrik}')",
                    "har en rad som börjar med # eller ##: använd ### för en underrubrik, eller dela texten i ett nytt avsnitt");
        return PolicyFileParser.Parse(fil, TillFiltext(kommunId));
    }

    /// <summary>
    /// Gives each area and requirement without an id one, and keeps every id already given: ids are stable forever,
    /// because records built on the policy refer to them. A new requirement gets its area's prefix and the next free
    /// number (<c>helhet-11</c> after <c>helhet-10</c>; <c>{area-id}-1</c> in a new area), never an id in the draft or
    /// in <see cref="AnvandaIds"/>.
    /// </summary>
    public void TilldelaIds()
    {
        var upptagna = new HashSet<string>(AnvandaIds);
        foreach (var a in Kompetensomraden)
        {
            if (!string.IsNullOrWhiteSpace(a.Id)) upptagna.Add(a.Id.Trim());
            foreach (var k in a.Krav.Where(k => !string.IsNullOrWhiteSpace(k.Id))) upptagna.Add(k.Id.Trim());
        }
        foreach (var a in Kompetensomraden)
        {
            if (string.IsNullOrWhiteSpace(a.Id))
            {
                var bas = PolicyFileParser.Slugify(a.Namn) is { Length: > 0 } s ? s : "omrade";
                a.Id = upptagna.Add(bas) ? bas : LedigtId(bas, upptagna);
            }
            a.Id = a.Id.Trim();
            if (a.Krav.All(k => !string.IsNullOrWhiteSpace(k.Id))) continue;
            var prefix = KravPrefix(a);
            foreach (var k in a.Krav.Where(k => string.IsNullOrWhiteSpace(k.Id)))
                k.Id = LedigtId(prefix, upptagna);
        }
    }

    /// <summary>The prefix the area's requirements already share ("helhet" for helhet-1, helhet-2), else the area id.</summary>
    private static string KravPrefix(UtkastKompetensomrade a)
    {
        var prefixes = a.Krav.Where(k => !string.IsNullOrWhiteSpace(k.Id))
            .Select(k => NumreratId().Match(k.Id.Trim()))
            .Select(m => m.Success ? m.Groups[1].Value : null)
            .Distinct().ToList();
        return prefixes is [{ } gemensam] ? gemensam : a.Id;
    }

    private static string LedigtId(string prefix, HashSet<string> upptagna)
    {
        for (var n = 1; ; n++)
            if (upptagna.Add($"{prefix}-{n}")) return $"{prefix}-{n}";
    }

    [GeneratedRegex("^([a-z0-9]+(?:-[a-z0-9]+)*)-[0-9]+$")]
    private static partial Regex NumreratId();

    private static void Lista<T>(StringBuilder y, string nyckel, List<T> poster, Action<T> post)
    {
        if (poster.Count == 0) { y.Append(nyckel).Append(": []\n"); return; }
        y.Append(nyckel).Append(":\n");
        foreach (var p in poster) post(p);
    }

    private static void Skalar(StringBuilder y, int indrag, string nyckel, string? varde) =>
        y.Append(' ', indrag).Append(nyckel).Append(": ").Append(Citera(varde ?? "")).Append('\n');

    /// <summary>A YAML double-quoted scalar: every value survives whatever it holds (<c>: # " -</c>, line breaks,
    /// control characters), since only <c>\</c> and <c>"</c> and non-printable characters are special in it.</summary>
    internal static string Citera(string varde)
    {
        var sb = new StringBuilder(varde.Length + 2).Append('"');
        foreach (var c in varde)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '"': sb.Append("\\\""); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' or '\u0085')
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    private static string EnRad(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}

public sealed class UtkastVardering
{
    [Display(Name = "värdering")] public string Namn { get; set; } = "";
    [Display(Name = "beskrivning av värderingen"), DataType(DataType.MultilineText)] public string? Beskrivning { get; set; }
}

public sealed class UtkastKompetensomrade
{
    /// <summary>Empty for a new area: given one from its name when the draft is written.</summary>
    public string Id { get; set; } = "";
    [Display(Name = "områdets namn")] public string Namn { get; set; } = "";
    [Display(Name = "inledning till området"), DataType(DataType.MultilineText)] public string? Beskrivning { get; set; }
    public List<UtkastKrav> Krav { get; set; } = [];
}

public sealed class UtkastKrav
{
    /// <summary>Empty for a new requirement: given the next free id of its area when the draft is written.</summary>
    public string Id { get; set; } = "";
    [Display(Name = "krav"), DataType(DataType.MultilineText)] public string Text { get; set; } = "";
}

public sealed class UtkastAvsnitt
{
    [Display(Name = "rubrik")] public string Rubrik { get; set; } = "";
    [Display(Name = "text"), DataType(DataType.MultilineText)] public string Markdown { get; set; } = "";
}
