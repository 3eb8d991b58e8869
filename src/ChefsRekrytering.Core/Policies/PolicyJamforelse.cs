using System.Text.RegularExpressions;

namespace ChefsRekrytering.Policies;

/// <summary>
/// What one version of a policy changes against another: requirements added, changed (same id, other text or moved to
/// another area) and removed; sections added, changed and removed; the decision and summary; the values, the
/// expectations on the employer and the follow-up. <see cref="AndradeEllerBorttagnaKravIds"/> are the requirements a
/// record built on the earlier version may no longer stand on. Whitespace alone is not a change.
/// </summary>
public sealed partial record PolicyJamforelse(
    IReadOnlyList<PolicyRequirement> KravTillagda,
    IReadOnlyList<KravAndring> KravAndrade,
    IReadOnlyList<PolicyRequirement> KravBorttagna,
    int KravOforandrade,
    IReadOnlyList<FaltAndring> Omraden,
    IReadOnlyList<PolicySection> AvsnittTillagda,
    IReadOnlyList<AvsnittAndring> AvsnittAndrade,
    IReadOnlyList<PolicySection> AvsnittBorttagna,
    IReadOnlyList<FaltAndring> Uppgifter,
    IReadOnlyList<ListAndring> Listor)
{
    public IReadOnlySet<string> AndradeEllerBorttagnaKravIds =>
        KravAndrade.Select(k => k.Id).Concat(KravBorttagna.Select(k => k.Id)).ToHashSet();

    public bool KravAndrat => KravTillagda.Count + KravAndrade.Count + KravBorttagna.Count > 0;

    public bool IngaAndringar => !KravAndrat && Omraden.Count == 0
        && AvsnittTillagda.Count + AvsnittAndrade.Count + AvsnittBorttagna.Count == 0
        && Uppgifter.Count == 0 && Listor.Count == 0;

    public static PolicyJamforelse Jamfor(LeadershipPolicy fore, LeadershipPolicy efter)
    {
        var foreKrav = fore.AllaKrav.ToDictionary(k => k.Id);
        var efterKrav = efter.AllaKrav.ToDictionary(k => k.Id);
        var andrade = new List<KravAndring>();
        var oforandrade = 0;
        foreach (var f in fore.AllaKrav)
        {
            if (!efterKrav.TryGetValue(f.Id, out var e)) continue;
            if (Samma(f.Text, e.Text) && f.AreaId == e.AreaId) oforandrade++;
            else andrade.Add(new KravAndring(f, e));
        }

        var jamforelse = new PolicyJamforelse(
            KravTillagda: efter.AllaKrav.Where(k => !foreKrav.ContainsKey(k.Id)).ToList(),
            KravAndrade: andrade,
            KravBorttagna: fore.AllaKrav.Where(k => !efterKrav.ContainsKey(k.Id)).ToList(),
            KravOforandrade: oforandrade,
            Omraden: JamforOmraden(fore, efter),
            AvsnittTillagda: [], AvsnittAndrade: [], AvsnittBorttagna: [],
            Uppgifter: JamforUppgifter(fore, efter),
            Listor: JamforListor(fore, efter));
        return JamforAvsnitt(jamforelse, fore.Avsnitt, efter.Avsnitt);
    }

    /// <summary>Sections matched by id, then by heading, then by identical text (a renamed heading).</summary>
    private static PolicyJamforelse JamforAvsnitt(PolicyJamforelse j, IReadOnlyList<PolicySection> fore, IReadOnlyList<PolicySection> efter)
    {
        var par = new Dictionary<PolicySection, PolicySection>(ReferenceEqualityComparer.Instance);
        var kvar = efter.ToList();
        void Para(Func<PolicySection, PolicySection, bool> lika)
        {
            foreach (var f in fore.Where(f => !par.ContainsKey(f)))
                if (kvar.FirstOrDefault(e => lika(f, e)) is { } e) { par[f] = e; kvar.Remove(e); }
        }
        Para((f, e) => f.Id == e.Id);
        Para((f, e) => string.Equals(f.Rubrik.Trim(), e.Rubrik.Trim(), StringComparison.OrdinalIgnoreCase));
        Para((f, e) => f.Markdown.Trim().Length > 0 && Samma(f.Markdown, e.Markdown));

        var andrade = fore.Where(par.ContainsKey)
            .Select(f => (Fore: f, Efter: par[f]))
            .Where(p => !Samma(p.Fore.Markdown, p.Efter.Markdown) || p.Fore.Rubrik.Trim() != p.Efter.Rubrik.Trim())
            .OrderBy(p => IndexOf(efter, p.Efter))
            .Select(p => AvsnittAndring.Av(p.Fore, p.Efter))
            .ToList();
        return j with
        {
            AvsnittTillagda = efter.Where(e => kvar.Contains(e)).ToList(),
            AvsnittAndrade = andrade,
            AvsnittBorttagna = fore.Where(f => !par.ContainsKey(f)).ToList(),
        };
    }

    private static int IndexOf(IReadOnlyList<PolicySection> list, PolicySection s)
    {
        for (var i = 0; i < list.Count; i++) if (ReferenceEquals(list[i], s)) return i;
        return -1;
    }

    private static List<FaltAndring> JamforOmraden(LeadershipPolicy fore, LeadershipPolicy efter)
    {
        var andringar = new List<FaltAndring>();
        var efterPerId = efter.Kompetensomraden.ToDictionary(a => a.Id);
        var forePerId = fore.Kompetensomraden.ToDictionary(a => a.Id);
        foreach (var f in fore.Kompetensomraden)
        {
            if (!efterPerId.TryGetValue(f.Id, out var e)) { andringar.Add(new FaltAndring("Kompetensområde", f.Namn, null)); continue; }
            if (!Samma(f.Namn, e.Namn)) andringar.Add(new FaltAndring("Kompetensområdets namn", f.Namn, e.Namn));
            if (!Samma(f.Beskrivning, e.Beskrivning)) andringar.Add(new FaltAndring($"Beskrivning av {e.Namn}", f.Beskrivning, e.Beskrivning));
        }
        andringar.AddRange(efter.Kompetensomraden.Where(e => !forePerId.ContainsKey(e.Id)).Select(e => new FaltAndring("Kompetensområde", null, e.Namn)));
        return andringar;
    }

    private static List<FaltAndring> JamforUppgifter(LeadershipPolicy fore, LeadershipPolicy efter)
    {
        (string Falt, string? Fore, string? Efter)[] falt =
        [
            ("Titel", fore.Titel, efter.Titel),
            ("Dokumenttyp", fore.Dokumenttyp, efter.Dokumenttyp),
            ("Antagen av", fore.AntagenAv, efter.AntagenAv),
            ("Antagen", fore.AntagenDatum?.ToString("yyyy-MM-dd"), efter.AntagenDatum?.ToString("yyyy-MM-dd")),
            ("Paragraf", fore.Paragraf, efter.Paragraf),
            ("Diarienummer", fore.Diarienummer, efter.Diarienummer),
            ("Sammanfattning", fore.Sammanfattning, efter.Sammanfattning),
        ];
        return falt.Where(f => !Samma(f.Fore, f.Efter)).Select(f => new FaltAndring(f.Falt, f.Fore, f.Efter)).ToList();
    }

    private static List<ListAndring> JamforListor(LeadershipPolicy fore, LeadershipPolicy efter)
    {
        static string Vardering(PolicyValue v) => v.Beskrivning is { } b ? $"{v.Namn} – {b}" : v.Namn;
        (string Lista, IEnumerable<string> Fore, IEnumerable<string> Efter)[] listor =
        [
            ("Värderingar", fore.Varderingar.Select(Vardering), efter.Varderingar.Select(Vardering)),
            ("Förväntningar på arbetsgivaren", fore.ForvantningarPaArbetsgivaren, efter.ForvantningarPaArbetsgivaren),
            ("Uppföljning", fore.Uppfoljning, efter.Uppfoljning),
        ];
        var andringar = new List<ListAndring>();
        foreach (var (lista, f, e) in listor)
        {
            var foreLista = f.ToList();
            var efterLista = e.ToList();
            var borttagna = foreLista.Where(x => !efterLista.Any(y => Samma(x, y))).ToList();
            var tillagda = efterLista.Where(y => !foreLista.Any(x => Samma(x, y))).ToList();
            if (borttagna.Count + tillagda.Count > 0) andringar.Add(new ListAndring(lista, borttagna, tillagda));
        }
        return andringar;
    }

    internal static string Normalisera(string? text) => Mellanrum().Replace(text ?? "", " ").Trim();

    private static bool Samma(string? a, string? b) => Normalisera(a) == Normalisera(b);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Mellanrum();
}

/// <summary>A requirement with the same id in both versions whose text changed or which moved to another area.</summary>
public sealed record KravAndring(PolicyRequirement Fore, PolicyRequirement Efter)
{
    public string Id => Efter.Id;
    public bool TextAndrad => PolicyJamforelse.Normalisera(Fore.Text) != PolicyJamforelse.Normalisera(Efter.Text);
    public bool OmradeAndrat => Fore.AreaId != Efter.AreaId;
}

/// <summary>A section in both versions with another heading or text; its paragraphs, each marked when it is not in
/// the other version, so a page can show only what changed as changed.</summary>
public sealed partial record AvsnittAndring(PolicySection Fore, PolicySection Efter, IReadOnlyList<TextStycke> ForeStycken, IReadOnlyList<TextStycke> EfterStycken)
{
    public bool RubrikAndrad => Fore.Rubrik.Trim() != Efter.Rubrik.Trim();

    internal static AvsnittAndring Av(PolicySection fore, PolicySection efter)
    {
        var f = Stycken(fore.Markdown);
        var e = Stycken(efter.Markdown);
        var (iForeGemensam, iEfterGemensam) = Gemensamma(f, e);
        return new AvsnittAndring(fore, efter,
            f.Select((s, i) => new TextStycke(s, !iForeGemensam.Contains(i))).ToList(),
            e.Select((s, i) => new TextStycke(s, !iEfterGemensam.Contains(i))).ToList());
    }

    private static List<string> Stycken(string markdown) =>
        Stycke().Split(markdown.Replace("\r\n", "\n").Trim()).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    /// <summary>The paragraphs the two texts share in order (longest common subsequence), by index on each side.</summary>
    private static (HashSet<int> Fore, HashSet<int> Efter) Gemensamma(List<string> a, List<string> b)
    {
        var na = a.Select(PolicyJamforelse.Normalisera).ToList();
        var nb = b.Select(PolicyJamforelse.Normalisera).ToList();
        var l = new int[na.Count + 1, nb.Count + 1];
        for (var i = na.Count - 1; i >= 0; i--)
            for (var j = nb.Count - 1; j >= 0; j--)
                l[i, j] = na[i] == nb[j] ? l[i + 1, j + 1] + 1 : Math.Max(l[i + 1, j], l[i, j + 1]);
        var (ia, ib) = (new HashSet<int>(), new HashSet<int>());
        for (int i = 0, j = 0; i < na.Count && j < nb.Count;)
        {
            if (na[i] == nb[j]) { ia.Add(i++); ib.Add(j++); }
            else if (l[i + 1, j] >= l[i, j + 1]) i++;
            else j++;
        }
        return (ia, ib);
    }

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex Stycke();
}

/// <summary>A paragraph of a changed section's text; <see cref="Andrat"/> when the other version does not have it.</summary>
public sealed record TextStycke(string Text, bool Andrat);

/// <summary>A field that differs; null on the side where it is not given.</summary>
public sealed record FaltAndring(string Falt, string? Fore, string? Efter);

/// <summary>Items of a list (values, expectations, follow-up) only in the earlier or only in the later version.</summary>
public sealed record ListAndring(string Lista, IReadOnlyList<string> Borttagna, IReadOnlyList<string> Tillagda);

/// <summary>The comparison as the page shows it: with the names of the two versions ("Version 1", "Version 2").</summary>
public sealed record PolicyJamforelseVy(PolicyJamforelse Jamforelse, string ForeEtikett, string EfterEtikett);
