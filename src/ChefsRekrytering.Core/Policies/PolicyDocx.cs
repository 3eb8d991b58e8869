using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using ChefsRekrytering.Documents;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ChefsRekrytering.Policies;

/// <summary>What reading an uploaded policy document gave: a draft for the structured editor, or the Swedish reasons
/// it was refused. <see cref="Varningar"/> name what HR must add before the version can be published.</summary>
public sealed record PolicyDocxResultat(PolicyUtkast? Utkast, IReadOnlyList<string> Fel, IReadOnlyList<string> Varningar)
{
    public bool Lyckades => Utkast is not null;

    internal static PolicyDocxResultat Avvisad(string fel) => new(null, [fel], []);
}

/// <summary>
/// Reads an adopted policy saved as Word (.docx) into a <see cref="PolicyUtkast"/>: the title, a section per heading
/// (Heading 1/2), paragraphs and list items as Markdown, a competence area per section that is mostly a list (one
/// requirement per item), and the expectations on the employer and the follow-up from the sections named so.
/// The file is checked before it is opened: size, that it is a Word package and not a password-protected or old
/// Word file, no macros, and what it unpacks to (the checks of every uploaded document, <see cref="FileTypeDetector"/>).
/// </summary>
public static partial class PolicyDocx
{
    public const long MaxStorlek = 20L * 1024 * 1024;
    public const long MaxUppackadStorlek = PackageLimits.DefaultMaxExpandedBytes;
    /// <summary>The most characters read from one XML part (the text, the styles): a policy of a hundred pages is a few
    /// million; this holds even if a ZIP entry lied about its size.</summary>
    private const long MaxTeckenIDel = 30_000_000;
    /// <summary>What a draft made from an upload names as its source; the uploaded file's name is never stored.</summary>
    public const string Kalla = "Uppladdat Word-dokument";

    internal const string FelForStor = "Filen är större än 20 MB och tas inte emot. Spara dokumentet utan stora bilder och ladda upp det igen.";
    internal const string FelTom = "Filen är tom.";
    internal const string FelInteDocx = "Filen är inte ett Word-dokument (.docx) och kan inte läsas. Spara policyn som Word-dokument (.docx) och ladda upp den igen.";
    internal const string FelGammaltFormat = "Filen är i det äldre Word-formatet (.doc). Spara den som Word-dokument (.docx) och ladda upp den igen.";
    internal const string FelLosenord = "Dokumentet är skyddat med lösenord (krypterat) och kan inte läsas. Ta bort lösenordsskyddet i Word och ladda upp det igen.";
    internal const string FelMakron = "Dokumentet innehåller makron och tas inte emot. Spara det som vanligt Word-dokument (.docx) utan makron och ladda upp det igen.";
    internal const string FelUppackad = "Dokumentet packas upp till mer än 100 MB och tas inte emot.";

    public static PolicyDocxResultat Las(Stream stream, string kommunNamn)
    {
        // The length first: a 50 MB upload is refused without reading it.
        if (stream.CanSeek && stream.Length - stream.Position > MaxStorlek)
            return PolicyDocxResultat.Avvisad(FelForStor);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxStorlek) return PolicyDocxResultat.Avvisad(FelForStor);
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) return PolicyDocxResultat.Avvisad(FelTom);

        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.StartsWith(OleSignatur))
            // An encrypted .docx is an OLE compound file holding the encrypted package; so is an old .doc.
            return PolicyDocxResultat.Avvisad(bytes.IndexOf(Encoding.Unicode.GetBytes("EncryptedPackage")) >= 0 ? FelLosenord : FelGammaltFormat);
        if (!bytes.StartsWith("PK\u0003\u0004"u8))
            return PolicyDocxResultat.Avvisad(FelInteDocx);

        if (GranskaPaketet(buffer) is { } fel) return PolicyDocxResultat.Avvisad(fel);

        buffer.Position = 0;
        try
        {
            using var doc = WordprocessingDocument.Open(buffer, false, new OpenSettings { MaxCharactersInPart = MaxTeckenIDel });
            if (doc.DocumentType is WordprocessingDocumentType.MacroEnabledDocument or WordprocessingDocumentType.MacroEnabledTemplate
                || doc.MainDocumentPart?.VbaProjectPart is not null)
                return PolicyDocxResultat.Avvisad(FelMakron);
            if (doc.MainDocumentPart?.Document?.Body is not { } body)
                return PolicyDocxResultat.Avvisad(FelInteDocx);
            return new Tolkning(new Stilar(doc.MainDocumentPart)).Tolka(body, kommunNamn);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or XmlException
                                       or FormatException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            return PolicyDocxResultat.Avvisad(FelInteDocx);
        }
    }

    private static ReadOnlySpan<byte> OleSignatur => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>
    /// The package judged before it is opened, by the same inspection as every uploaded document
    /// (<see cref="FileTypeDetector"/>): every part expanded once and counted against the limit, so a zip bomb is refused
    /// whatever its parts declare, and any content type or relationship naming VBA, macros or ActiveX refused. A part
    /// named like a VBA project is refused as macros even when nothing declares it.
    /// </summary>
    private static string? GranskaPaketet(MemoryStream buffer)
    {
        try
        {
            buffer.Position = 0;
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true))
                if (zip.Entries.Any(e => e.FullName.Contains("vbaProject", StringComparison.OrdinalIgnoreCase)
                                         || e.FullName.Contains("vbaData", StringComparison.OrdinalIgnoreCase)))
                    return FelMakron;
        }
        catch (InvalidDataException) { return FelInteDocx; }

        var granskning = FileTypeDetector.Inspect(buffer, PackageLimits.Default);
        return granskning.Refusal switch
        {
            FileRefusal.Macros => FelMakron,
            FileRefusal.TooLargeExpanded or FileRefusal.TooManyParts => FelUppackad,
            null when granskning.Type == DocumentFileType.Docx => null,
            _ => FelInteDocx,
        };
    }

    /// <summary>"Ledarskapspolicy för Vimmerby kommun" → "Ledarskapspolicy"; the editor lets HR correct it.</summary>
    internal static string GissaDokumenttyp(string titel)
    {
        var t = titel.ToLowerInvariant();
        (string Ord, string Typ)[] typer =
        [
            ("chefs- och ledningspolicy", "Chefs- och ledningspolicy"),
            ("chefs- och ledarskapspolicy", "Chefs- och ledarskapspolicy"),
            ("ledarskapspolicy", "Ledarskapspolicy"),
            ("ledningspolicy", "Ledningspolicy"),
            ("chefspolicy", "Chefspolicy"),
            ("ledarplan", "Ledarplan"),
            ("ledarskapsplan", "Ledarskapsplan"),
            ("ledarpolicy", "Ledarpolicy"),
        ];
        return typer.FirstOrDefault(x => t.Contains(x.Ord)).Typ ?? "Ledarpolicy";
    }

    private enum Slag { Titel, Rubrik, Stycke, Punkt, Tabell }

    private sealed record Block(Slag Slag, string Text, int Niva = 0);

    /// <summary>The styles of the document, read by id and by the built-in name behind it ("heading 1" whatever the
    /// id: Heading1, Rubrik1, Overskrift1), following "based on".</summary>
    private sealed partial class Stilar
    {
        private readonly Dictionary<string, Style> _perId = new(StringComparer.OrdinalIgnoreCase);

        public Stilar(MainDocumentPart part)
        {
            var styles = part.StyleDefinitionsPart?.Styles ?? part.StylesWithEffectsPart?.Styles;
            foreach (var s in styles?.Elements<Style>() ?? [])
                if (s.StyleId?.Value is { } id) _perId.TryAdd(id, s);
        }

        private IEnumerable<(string Id, Style? Stil)> Kedja(string? id)
        {
            for (var i = 0; id is not null && i < 10; i++)
            {
                _perId.TryGetValue(id, out var stil);
                yield return (id, stil);
                id = stil?.BasedOn?.Val?.Value;
            }
        }

        public bool ArTitel(string? id) => Kedja(id).Any(s =>
            s.Id is "Title" or "Rubrik" or "Titel" || s.Stil?.StyleName?.Val?.Value is { } n && n.Equals("Title", StringComparison.OrdinalIgnoreCase));

        public int? RubrikNiva(string? id)
        {
            foreach (var (sid, stil) in Kedja(id))
            {
                if (stil?.StyleName?.Val?.Value is { } namn && RubrikNamn().Match(namn) is { Success: true } m)
                    return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                if (RubrikId().Match(sid) is { Success: true } mi)
                    return int.Parse(mi.Groups[1].Value, CultureInfo.InvariantCulture);
                if (stil?.StyleParagraphProperties?.OutlineLevel?.Val?.Value is { } niva && niva < 9)
                    return niva + 1;
            }
            return null;
        }

        public bool ArLista(string? id) => Kedja(id).Any(s =>
            s.Stil?.StyleParagraphProperties?.NumberingProperties is not null
            || s.Stil?.StyleName?.Val?.Value is { } n && ListNamn().IsMatch(n)
            || ListNamn().IsMatch(s.Id));

        public bool ArInnehallsforteckning(string? id) => Kedja(id).Any(s =>
            s.Stil?.StyleName?.Val?.Value is { } n && n.StartsWith("toc ", StringComparison.OrdinalIgnoreCase)
            || s.Stil?.StyleName?.Val?.Value is "TOC Heading"
            || s.Id.StartsWith("Innehll", StringComparison.OrdinalIgnoreCase) || s.Id.StartsWith("TOC", StringComparison.OrdinalIgnoreCase));

        [GeneratedRegex(@"^heading\s*([1-9])$", RegexOptions.IgnoreCase)]
        private static partial Regex RubrikNamn();

        [GeneratedRegex(@"^(?:Heading|Rubrik|Overskrift|berschrift)([1-9])$", RegexOptions.IgnoreCase)]
        private static partial Regex RubrikId();

        [GeneratedRegex(@"^(?:List\s*(?:Bullet|Number|Paragraph)|Liststycke|Punktlista|Numreradlista)", RegexOptions.IgnoreCase)]
        private static partial Regex ListNamn();
    }

    private sealed partial class Tolkning(Stilar stilar)
    {
        private readonly List<Block> _block = [];

        public PolicyDocxResultat Tolka(Body body, string kommunNamn)
        {
            LasBlock(body.ChildElements);
            var varningar = new List<string>();
            var utkast = new PolicyUtkast { Kommun = kommunNamn, Kalla = Kalla };

            var titelIndex = _block.FindIndex(b => b.Slag == Slag.Titel);
            if (titelIndex < 0) titelIndex = _block.FindIndex(b => b.Slag == Slag.Rubrik && b.Niva == 1);
            if (titelIndex >= 0) utkast.Titel = _block[titelIndex].Text;
            else
            {
                utkast.Titel = "Ledarpolicy";
                varningar.Add("Dokumentet har ingen rubrik med formatet Rubrik eller Rubrik 1; titeln är satt till \"Ledarpolicy\" – ändra den i redigeraren.");
            }
            utkast.Dokumenttyp = GissaDokumenttyp(utkast.Titel);
            var efterTiteln = _block.Skip(titelIndex + 1).ToList();
            utkast.Sammanfattning = efterTiteln.FirstOrDefault(b => b.Slag == Slag.Stycke && !ArBeslutsrad(b.Text))?.Text ?? "";
            if (utkast.Sammanfattning.Length == 0)
                varningar.Add("Dokumentet har inget stycke att använda som sammanfattning – skriv en i redigeraren.");

            var avsnitt = Avsnitt(efterTiteln);
            if (avsnitt.Count == 0)
                varningar.Add("Dokumentet har ingen text att dela i avsnitt – lägg till policyns text i redigeraren.");
            foreach (var (rubrik, innehall) in avsnitt)
            {
                utkast.Avsnitt.Add(new UtkastAvsnitt { Rubrik = rubrik, Markdown = Markdown(innehall) });
                var punkter = innehall.Where(b => b.Slag == Slag.Punkt).Select(b => b.Text).ToList();
                var stycken = innehall.Where(b => b.Slag == Slag.Stycke).Select(b => b.Text).ToList();
                if (ArForvantningarPaArbetsgivaren(rubrik))
                    utkast.ForvantningarPaArbetsgivaren.AddRange(punkter.Count > 0 ? punkter : stycken);
                else if (ArUppfoljning(rubrik, MestLista(innehall)))
                    utkast.Uppfoljning.AddRange(punkter.Count > 0 ? punkter : stycken);
                else
                    utkast.Kompetensomraden.AddRange(Kompetensomraden(rubrik, innehall));
            }
            utkast.TilldelaIds();

            LasBeslut(utkast, _block.Take(Math.Max(titelIndex, 0)).Concat(efterTiteln.TakeWhile(b => b.Slag != Slag.Rubrik || b.Niva > 2)));

            if (utkast.Kompetensomraden.Count == 0)
                varningar.Add("Inga kravlistor hittades i dokumentet (avsnitt som till största delen är punktlistor). Lägg till kompetensområden och krav i redigeraren – en policy utan krav kan inte publiceras.");
            if (utkast.ForvantningarPaArbetsgivaren.Count == 0)
                varningar.Add("Inget avsnitt om förväntningar på arbetsgivaren hittades – fyll i dem i redigeraren.");
            if (utkast.Uppfoljning.Count == 0)
                varningar.Add("Inget avsnitt om uppföljning hittades – fyll i hur policyn följs upp i redigeraren.");
            if (utkast.AntagenAv is null)
                varningar.Add("Beslutet (antagen av, datum, paragraf) hittades inte i dokumentet – fyll i det i redigeraren.");
            return new PolicyDocxResultat(utkast, [], varningar);
        }

        private static bool MestLista(List<Block> innehall) =>
            innehall.Count(b => b.Slag == Slag.Punkt) is var punkter && punkter > 0 && punkter >= innehall.Count(b => b.Slag == Slag.Stycke);

        /// <summary>A section that is mostly a list is a competence area named by its heading. A section with
        /// subheadings (Heading 3) whose parts are lists gives an area per such part, named by the subheading.</summary>
        private static IEnumerable<UtkastKompetensomrade> Kompetensomraden(string rubrik, List<Block> innehall)
        {
            var delar = new List<(string Namn, List<Block> Block)> { (rubrik, []) };
            foreach (var b in innehall)
                if (b.Slag == Slag.Rubrik) delar.Add((b.Text, []));
                else delar[^1].Block.Add(b);
            var listdelar = delar.Skip(1).Where(d => MestLista(d.Block)).ToList();
            if (listdelar.Count > 0)
                return (MestLista(delar[0].Block) ? [delar[0]] : Enumerable.Empty<(string, List<Block>)>()).Concat(listdelar).Select(d => Omrade(d.Item1, d.Item2));
            return MestLista(innehall) ? [Omrade(rubrik, innehall)] : [];
        }

        private static UtkastKompetensomrade Omrade(string namn, List<Block> block)
        {
            var stycken = block.Where(b => b.Slag == Slag.Stycke).Select(b => b.Text).ToList();
            return new UtkastKompetensomrade
            {
                Namn = namn,
                Beskrivning = stycken.Count > 0 ? string.Join(" ", stycken) : null,
                Krav = block.Where(b => b.Slag == Slag.Punkt).Select(b => new UtkastKrav { Text = b.Text }).ToList(),
            };
        }

        /// <summary>"Antagen av kommunfullmäktige 2023-04-24 § 69", "Dnr 2023/117": the decision, not a summary.</summary>
        private static bool ArBeslutsrad(string text) =>
            text.Length < 200 && (Dnr().IsMatch(text) || text.Contains("antag", StringComparison.OrdinalIgnoreCase) && (Datum().IsMatch(text) || Paragraf().IsMatch(text)));

        /// <summary>"Förväntningar på arbetsgivaren", "Ledarens förväntningar" – but not "förväntningar på cheferna",
        /// which are requirements on the manager.</summary>
        private static bool ArForvantningarPaArbetsgivaren(string rubrik) =>
            rubrik.Contains("förväntningar", StringComparison.OrdinalIgnoreCase) && !PaChefen().IsMatch(rubrik);

        /// <summary>"Uppföljning", "Uppföljning av ledarplanen", or a section about follow-up in prose; a list under
        /// "Uppföljning, utvärdering och kvalitet" is the manager's duties, a competence area.</summary>
        private static bool ArUppfoljning(string rubrik, bool mestLista) =>
            rubrik.Contains("uppföljning", StringComparison.OrdinalIgnoreCase)
            && (!mestLista || UppfoljningAvPolicyn().IsMatch(rubrik.Trim()));

        [GeneratedRegex(@"förväntningar\s+på\s+(?:chef|ledare|ledarna|ledaren)", RegexOptions.IgnoreCase)]
        private static partial Regex PaChefen();

        [GeneratedRegex(@"^uppföljning(?:\s+(?:av|och)\b.*)?$", RegexOptions.IgnoreCase)]
        private static partial Regex UppfoljningAvPolicyn();

        /// <summary>Sections from Heading 1/2; text before the first heading is "Inledning", as in the file format, or
        /// opens the first section when that is the document's own "Inledning".</summary>
        private static List<(string Rubrik, List<Block> Innehall)> Avsnitt(List<Block> block)
        {
            var avsnitt = new List<(string, List<Block>)>();
            var rubrik = "Inledning";
            var innehall = new List<Block>();
            var forsta = true;
            foreach (var b in block)
            {
                if (b.Slag is Slag.Titel || b.Slag is Slag.Rubrik && b.Niva <= 2)
                {
                    var fortsatt = forsta && b.Text.Equals("Inledning", StringComparison.OrdinalIgnoreCase);
                    if (!fortsatt && (!forsta || innehall.Count > 0)) avsnitt.Add((rubrik, innehall));
                    forsta = false;
                    rubrik = b.Text;
                    if (!fortsatt) innehall = [];
                }
                else innehall.Add(b);
            }
            if (!forsta || innehall.Count > 0) avsnitt.Add((rubrik, innehall));
            return avsnitt;
        }

        private static string Markdown(List<Block> innehall)
        {
            var md = new StringBuilder();
            Block? foregaende = null;
            foreach (var b in innehall)
            {
                if (foregaende is not null)
                    md.Append(b.Slag == Slag.Punkt && foregaende.Slag == Slag.Punkt ? "\n" : "\n\n");
                md.Append(b.Slag switch
                {
                    Slag.Punkt => "- " + b.Text,
                    Slag.Rubrik => "### " + b.Text,
                    Slag.Tabell => b.Text,
                    _ => b.Text.StartsWith('#') ? "\\" + b.Text : b.Text,
                });
                foregaende = b;
            }
            return md.ToString();
        }

        /// <summary>"Antagen av kommunfullmäktige 2023-04-24 § 69, Dnr 360/22-003" on the cover or under the title.</summary>
        private static void LasBeslut(PolicyUtkast utkast, IEnumerable<Block> block)
        {
            foreach (var b in block.Where(b => b.Slag is Slag.Stycke or Slag.Tabell))
            {
                var text = b.Text;
                if (utkast.Diarienummer is null && Dnr().Match(text) is { Success: true } dnr)
                    utkast.Diarienummer = "Dnr " + dnr.Groups[1].Value.Trim();
                if (!text.Contains("antag", StringComparison.OrdinalIgnoreCase) && !text.Contains("beslut", StringComparison.OrdinalIgnoreCase))
                    continue;
                if (utkast.AntagenAv is null && Organ().Match(text) is { Success: true } organ)
                    utkast.AntagenAv = char.ToUpperInvariant(organ.Value[0]) + organ.Value[1..].ToLowerInvariant();
                if (utkast.AntagenDatum is null && Datum().Match(text) is { Success: true } datum
                    && DateOnly.TryParseExact(datum.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    utkast.AntagenDatum = d;
                if (utkast.Paragraf is null && Paragraf().Match(text) is { Success: true } p)
                    utkast.Paragraf = "§" + p.Groups[1].Value;
            }
        }

        [GeneratedRegex(@"\b(?:dnr|diarienummer)\b[\s.:]*([A-ZÅÄÖa-zåäö0-9][A-ZÅÄÖa-zåäö0-9/.\-: ]*[0-9])", RegexOptions.IgnoreCase)]
        private static partial Regex Dnr();

        [GeneratedRegex(@"kommunfullmäktige|kommunstyrelsen|fullmäktige|kommunstyrelsens arbetsutskott", RegexOptions.IgnoreCase)]
        private static partial Regex Organ();

        [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
        private static partial Regex Datum();

        [GeneratedRegex(@"§\s*(\d+)")]
        private static partial Regex Paragraf();

        private void LasBlock(IEnumerable<OpenXmlElement> element)
        {
            foreach (var e in element)
            {
                switch (e)
                {
                    case Paragraph p: LasStycke(p); break;
                    case Table t: LasTabell(t); break;
                    case SdtBlock sdt when sdt.SdtContentBlock is { } innehall: LasBlock(innehall.ChildElements); break;
                }
            }
        }

        private void LasStycke(Paragraph p)
        {
            var text = SynligText(p);
            if (text.Length == 0) return;
            var stilId = p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
            if (stilar.ArInnehallsforteckning(stilId)) return;
            if (stilar.ArTitel(stilId)) { _block.Add(new Block(Slag.Titel, text)); return; }
            var niva = stilar.RubrikNiva(stilId)
                       ?? (p.ParagraphProperties?.OutlineLevel?.Val?.Value is { } o && o < 9 ? o + 1 : null);
            if (niva is { } n) { _block.Add(new Block(Slag.Rubrik, text, n)); return; }
            var numrerad = p.ParagraphProperties?.NumberingProperties is { } np && np.NumberingId?.Val?.Value != 0;
            if (numrerad || stilar.ArLista(stilId)) { _block.Add(new Block(Slag.Punkt, text)); return; }
            if (ManuellPunkt().Match(text) is { Success: true } m) { _block.Add(new Block(Slag.Punkt, m.Groups[1].Value)); return; }
            _block.Add(new Block(Slag.Stycke, text));
        }

        private void LasTabell(Table t)
        {
            var rader = t.Elements<TableRow>()
                .Select(r => r.Elements<TableCell>().Select(c => string.Join(" ", c.Elements<Paragraph>().Select(SynligText).Where(s => s.Length > 0)).Replace("|", "\\|")).ToList())
                .Where(r => r.Any(c => c.Length > 0)).ToList();
            if (rader.Count == 0) return;
            var md = new StringBuilder();
            var kolumner = rader.Max(r => r.Count);
            for (var i = 0; i < rader.Count; i++)
            {
                md.Append("| ").Append(string.Join(" | ", rader[i].Concat(Enumerable.Repeat("", kolumner - rader[i].Count)))).Append(" |");
                if (i == 0) md.Append('\n').Append("|").Append(string.Concat(Enumerable.Repeat(" --- |", kolumner)));
                if (i < rader.Count - 1) md.Append('\n');
            }
            _block.Add(new Block(Slag.Tabell, md.ToString()));
        }

        /// <summary>The paragraph's visible text: runs, tabs and breaks as spaces; deleted text and field codes left out.</summary>
        private static string SynligText(Paragraph p)
        {
            var sb = new StringBuilder();
            foreach (var e in p.Descendants())
            {
                switch (e)
                {
                    case Text t: sb.Append(t.Text); break;
                    case TabChar or Break or CarriageReturn: sb.Append(' '); break;
                    case NoBreakHyphen: sb.Append('-'); break;
                }
            }
            return Mellanrum().Replace(sb.ToString(), " ").Trim();
        }

        [GeneratedRegex(@"\s+")]
        private static partial Regex Mellanrum();

        [GeneratedRegex(@"^[•●▪■◦‣∙·\-–—*]\s+(.+)$")]
        private static partial Regex ManuellPunkt();
    }
}
