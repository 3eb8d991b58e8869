using System.Globalization;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Documents;
using ChefsRekrytering.Notifications.Mallar;
using ChefsRekrytering.Workflows;

namespace ChefsRekrytering.Notifications;

/// <summary>A field a mail template may read: its name in Liquid (<c>{{ namn }}</c>), what it holds in Swedish, and how
/// it is read from the model. A link field may stand alone in an href.</summary>
public sealed record Mejlfalt(string Namn, string Beskrivning, Func<object, object?> Varde, bool ArLank = false);

/// <summary>One editable mail: its key, Swedish name, when it is sent, its model and fields, a sample for preview, and the
/// language it is written in (<see cref="Sprak.Svenska"/>, or <see cref="Sprak.Engelska"/> for an applicant who chose it).</summary>
public sealed record Mejlmall(string Nyckel, string Namn, string NarSkickas, Type Modell, IReadOnlyList<Mejlfalt> Falt,
    IReadOnlyList<object> Exempel, Func<object, string?> Kommun, string Sprak = Sprak.Svenska)
{
    public Mejlfalt? FaltMed(string namn) => Falt.FirstOrDefault(f => string.Equals(f.Namn, namn, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A document an applicant sent, as a template reads it: <c>{{ d.typ }}: {{ d.namn }}</c>.</summary>
public sealed record Dokumentrad(string Typ, string Namn);

/// <summary>
/// The catalogue of mails HR can word: the only place that says what a template may read. A field not listed here does
/// not exist for a template (the renderer has nothing else in its context, and member access is limited to
/// <see cref="Dokumentrad"/>). Besked and the meeting mails have one template per variant.
/// </summary>
public static class Mejlmallar
{
    private static readonly CultureInfo Sv = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>Every template has the subject the portal proposes for the mail in hand (a notice's subject varies with its matter).</summary>
    public const string AmnesFalt = "amne";

    /// <summary>A day in the language of the mail being rendered (<see cref="Sprak.Visning"/>): "1 februari 2027", "1 February 2027".</summary>
    internal static string Datum(DateOnly d) => d.ToString("d MMMM yyyy", Sprak.Visning);

    /// <summary>A time in Swedish time, worded in the language of the mail being rendered.</summary>
    internal static string Tid(DateTime utc) => Sprak.Tid(utc);

    /// <summary>The mails to applicants, which an applicant who applied in English gets in English: each has a twin with the
    /// key "nyckel.en" (its version 1 is content/templates/mejl/nyckel.en.liquid), worded and versioned by HR like any mail.</summary>
    public static readonly IReadOnlyList<string> TillSokande =
    [
        "ansokan-mottagen", "besked-ej-aktuell", "besked-avbruten", "besked-tillsatt", "besked-atertagen", "besked-dubblett-borttagen",
        "erbjudande", "mote-kallelse", "mote-andrad", "mote-installt", "intervju-boka-tid",
        "meddelande-till-sokande",
    ];

    public static readonly IReadOnlyList<Mejlmall> Alla = MedEngelska(Bygg());

    /// <summary>The key of a mail in a language: the Swedish key itself, or its English twin where there is one. A refusal
    /// reason has no English twin of its own: an English applicant gets the English "ej aktuell".</summary>
    public static string NyckelPa(string nyckel, string? sprak) =>
        sprak != Sprak.Engelska ? nyckel
        : PerNyckel.ContainsKey($"{nyckel}.{Sprak.Engelska}") ? $"{nyckel}.{Sprak.Engelska}"
        : nyckel.StartsWith(AvslagsPrefix, StringComparison.Ordinal) ? $"{Besked.NyckelFor(Besked.Slag.EjAktuell)}.{Sprak.Engelska}"
        : nyckel;

    private static List<Mejlmall> MedEngelska(List<Mejlmall> svenska) =>
    [
        .. svenska,
        .. svenska.Where(m => TillSokande.Contains(m.Nyckel)).Select(m => m with
        {
            Nyckel = $"{m.Nyckel}.{Sprak.Engelska}", Namn = $"{m.Namn} (på engelska)",
            NarSkickas = $"{m.NarSkickas} Till sökande som har valt engelska.", Sprak = Sprak.Engelska,
        }),
    ];

    private static readonly Dictionary<string, Mejlmall> PerNyckel = Alla.ToDictionary(m => m.Nyckel);

    public static Mejlmall? Hitta(string nyckel) => PerNyckel.GetValueOrDefault(nyckel);

    public static Mejlmall For(string nyckel) => PerNyckel.TryGetValue(nyckel, out var m) ? m
        : nyckel.StartsWith(AvslagsPrefix, StringComparison.Ordinal) ? Avslag(nyckel)
        : throw new InvalidOperationException($"Mejlmallen {nyckel} finns inte i katalogen.");

    /// <summary>The key of every refusal reason's mail starts so; the reasons are the municipality's own (<see cref="Avslagsskal"/>).</summary>
    public const string AvslagsPrefix = "avslag-";

    /// <summary>A refusal reason's mail: the fields and samples of "Besked – ej aktuell" under the reason's own key. Not in
    /// <see cref="Hitta"/>: a reason is worded on its own page, where it can also be renamed and retired.</summary>
    public static Mejlmall Avslag(string nyckel) =>
        PerNyckel[Besked.NyckelFor(Besked.Slag.EjAktuell)] with { Nyckel = nyckel, Namn = "Avslagsskäl", NarSkickas = "När en sökande markeras som ej aktuell med det här skälet." };

    private static List<Mejlmall> Bygg()
    {
        var lank = "https://portal.example/lank";
        var besked = new Besked.Innehall("Anna Andersson", "Rektor vid Centralskolan", "KS 2026/123", "Kalix kommun", Besked.Slag.EjAktuell, UpplevelseLank: lank);
        Mejlfalt[] beskedFalt =
        [
            F<Besked.Innehall>("namn", "Sökandens namn", m => m.Namn),
            F<Besked.Innehall>("tjanst", "Tjänstens titel", m => m.Tjanst),
            F<Besked.Innehall>("diarienummer", "Rekryteringens diarienummer", m => m.Diarienummer),
            F<Besked.Innehall>("kommun", "Kommunens namn", m => m.Kommun),
            F<Besked.Innehall>("upplevelse_lank", "Länken till frågan om hur den sökande upplevde rekryteringen (finns vid ej aktuell, tillsatt och avbruten)",
                m => m.UpplevelseLank, lank: true),
        ];
        Mejlmall Besk(Besked.Slag slag, string namn, string nar) =>
            Mall(Besked.NyckelFor(slag), namn, nar, [besked with { Typ = slag }, besked with { Kommun = null }], beskedFalt, m => ((Besked.Innehall)m).Kommun);

        var mote = new MoteInbjudan.Innehall("Anna Andersson", "Intervju för rektorstjänsten", "Vi går igenom dina erfarenheter.", "Stadshuset, rum 12",
            new DateTime(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 3, 10, 0, 0, DateTimeKind.Utc), "Lena Lind", MoteInbjudan.Slag.Ny, "Krock i kalendern");
        Mejlfalt[] moteFalt =
        [
            F<MoteInbjudan.Innehall>("namn", "Deltagarens namn", m => m.Namn),
            F<MoteInbjudan.Innehall>("motesrubrik", "Mötets rubrik", m => m.Motesrubrik),
            F<MoteInbjudan.Innehall>("arrangor", "Den som kallar till mötet", m => m.Arrangor),
            F<MoteInbjudan.Innehall>("tid", "Dag och tid, t.ex. torsdag 3 december 2026 kl. 10:00–11:00", m => $"{Tid(m.StartUtc)}–{SwedishTime.ToLocal(m.SlutUtc):HH:mm}"),
            F<MoteInbjudan.Innehall>("plats", "Platsen (kan saknas)", m => m.Plats),
            F<MoteInbjudan.Innehall>("beskrivning", "Mötets beskrivning (kan saknas)", m => m.Beskrivning),
            F<MoteInbjudan.Innehall>("skal", "Skälet till att mötet ställs in (kan saknas)", m => m.Skal),
        ];
        Mejlmall Mote(MoteInbjudan.Slag slag, string namn, string nar) =>
            Mall(MoteInbjudan.Nyckel(mote with { Typ = slag }), namn, nar, [mote with { Typ = slag }, mote with { Typ = slag, Plats = null, Beskrivning = null, Skal = null }], moteFalt, _ => null);

        return
        [
            Mall("ansokan-mottagen", "Ansökan mottagen", "När någon har skickat in en ansökan till en utannonserad tjänst.",
                [new AnsokanMottagen.Innehall("Anna Andersson", "Rektor vid Centralskolan", "KS 2026/123", "Kalix kommun", new DateTime(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc),
                    new DateOnly(2026, 12, 15), [(DokumentTyp.CV, "cv.pdf"), (DokumentTyp.PersonligtBrev, "brev.pdf")], lank)],
                [
                    F<AnsokanMottagen.Innehall>("namn", "Sökandens namn", m => m.Namn),
                    F<AnsokanMottagen.Innehall>("tjanst", "Tjänstens titel", m => m.Tjanst),
                    F<AnsokanMottagen.Innehall>("diarienummer", "Rekryteringens diarienummer", m => m.Diarienummer),
                    F<AnsokanMottagen.Innehall>("kommun", "Kommunens namn", m => m.Kommun),
                    F<AnsokanMottagen.Innehall>("inkom", "När ansökan kom in, t.ex. fredag 20 november 2026 kl. 10:30", m => Tid(m.InkomUtc)),
                    F<AnsokanMottagen.Innehall>("sista_ansokningsdag", "Sista ansökningsdag, t.ex. 15 december 2026", m => Datum(m.SistaAnsokningsdag)),
                    F<AnsokanMottagen.Innehall>("dokument", "De skickade dokumenten, en lista: {% for d in dokument %}{{ d.typ }}: {{ d.namn }}{% endfor %}",
                        m => m.Dokument.Select(d => new Dokumentrad(Sprak.Of(d.Typ), d.Namn)).ToList()),
                    F<AnsokanMottagen.Innehall>("lank", "Sökandens personliga länk till sin ansökan", m => m.Lank, lank: true),
                ], m => ((AnsokanMottagen.Innehall)m).Kommun),
            Besk(Besked.Slag.EjAktuell, "Besked – ej aktuell", "När en sökande markeras som ej aktuell och kommunen inte har något avslagsskäl kvar att välja. Också första versionen av ett avslagsskäl som HR lägger till."),
            Besk(Besked.Slag.Avbruten, "Besked – rekryteringen avbruten", "Till varje sökande som är kvar när en rekrytering avbryts."),
            Besk(Besked.Slag.Tillsatt, "Besked – tjänsten tillsatt", "Till sökande som inte fick tjänsten när den är tillsatt."),
            Besk(Besked.Slag.Atertagen, "Besked – ansökan återtagen", "När en sökande återtar sin ansökan."),
            Besk(Besked.Slag.DubblettBorttagen, "Besked – dubblett borttagen", "När en dubblett av en ansökan tas bort."),
            Mall("erbjudande", "Erbjudande om anställning", "När rekryterande chef lämnar ett erbjudande till en kandidat.",
                [new Erbjudande.Innehall("Anna Andersson", "Rektor vid Centralskolan", "KS 2026/123", "Kalix kommun", new DateOnly(2027, 2, 1), "Lön enligt överenskommelse.", "Lena Lind"),
                 new Erbjudande.Innehall("Anna Andersson", "Rektor vid Centralskolan", "KS 2026/123", null, new DateOnly(2027, 2, 1), null, "Lena Lind")],
                [
                    F<Erbjudande.Innehall>("namn", "Kandidatens namn", m => m.Namn),
                    F<Erbjudande.Innehall>("tjanst", "Tjänstens titel", m => m.Tjanst),
                    F<Erbjudande.Innehall>("diarienummer", "Rekryteringens diarienummer", m => m.Diarienummer),
                    F<Erbjudande.Innehall>("kommun", "Kommunens namn", m => m.Kommun),
                    F<Erbjudande.Innehall>("startdatum", "Tillträdesdag, t.ex. 1 februari 2027", m => Datum(m.Startdatum)),
                    F<Erbjudande.Innehall>("villkor", "Villkoren som skrevs i erbjudandet (kan saknas)", m => m.Villkor),
                    F<Erbjudande.Innehall>("rekryterande", "Rekryterande chefens namn", m => m.Rekryterande),
                ], m => ((Erbjudande.Innehall)m).Kommun),
            Mall("intervju-boka-tid", "Intervju – välj en tid", "När rekryterande chef bjuder in en sökande att själv välja en av rekryteringens intervjutider.",
                [new IntervjuBokaTid.Innehall("Anna Andersson", "Rektor vid Centralskolan", "KS 2026/123", "Kalix kommun", "Lena Lind", lank),
                 new IntervjuBokaTid.Innehall("Anna Andersson", "Rektor vid Centralskolan", "KS 2026/123", null, "Lena Lind", lank)],
                [
                    F<IntervjuBokaTid.Innehall>("namn", "Sökandens namn", m => m.Namn),
                    F<IntervjuBokaTid.Innehall>("tjanst", "Tjänstens titel", m => m.Tjanst),
                    F<IntervjuBokaTid.Innehall>("diarienummer", "Rekryteringens diarienummer", m => m.Diarienummer),
                    F<IntervjuBokaTid.Innehall>("kommun", "Kommunens namn", m => m.Kommun),
                    F<IntervjuBokaTid.Innehall>("rekryterande", "Rekryterande chefens namn", m => m.Rekryterande),
                    F<IntervjuBokaTid.Innehall>("lank", "Sökandens personliga länk, där tiden väljs", m => m.Lank, lank: true),
                ], m => ((IntervjuBokaTid.Innehall)m).Kommun),
            Mall("meddelande-till-sokande", "Meddelande till sökande", "När rekryterande chef eller HR skickar ett eget meddelande till markerade sökande från rekryteringens tavla.",
                [new MeddelandeTillSokande.Innehall("Anna Andersson", "Rektor vid Centralskolan", "KS 2026/123", "Kalix kommun", "Lena Lind",
                    ["Urvalet tar längre tid än vi räknade med.", "Vi hör av oss senast den 18 december."])],
                [
                    F<MeddelandeTillSokande.Innehall>("namn", "Sökandens namn", m => m.Namn),
                    F<MeddelandeTillSokande.Innehall>("tjanst", "Tjänstens titel", m => m.Tjanst),
                    F<MeddelandeTillSokande.Innehall>("diarienummer", "Rekryteringens diarienummer", m => m.Diarienummer),
                    F<MeddelandeTillSokande.Innehall>("kommun", "Kommunens namn", m => m.Kommun),
                    F<MeddelandeTillSokande.Innehall>("avsandare", "Namnet på den som skickar meddelandet", m => m.Avsandare),
                    F<MeddelandeTillSokande.Innehall>("meddelande", "Meddelandet som det skrevs, en lista med stycken: {% for stycke in meddelande %}<p>{{ stycke }}</p>{% endfor %}", m => m.Meddelande),
                ], m => ((MeddelandeTillSokande.Innehall)m).Kommun),
            Mall("erbjudande-svar", "Svar på erbjudandet", "Till HR och rekryterande chef när kandidaten har svarat på erbjudandet på sin egen sida.",
                [new ErbjudandeSvar.Innehall("Lena Lind", "Anna Andersson", "Rektor vid Centralskolan", "KS 2026/123", true, new DateTime(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc), "Kalix kommun", lank),
                 new ErbjudandeSvar.Innehall("Lena Lind", "Anna Andersson", "Rektor vid Centralskolan", "KS 2026/123", false, new DateTime(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc), null, lank)],
                [
                    F<ErbjudandeSvar.Innehall>("namn", "Mottagarens namn", m => m.Namn),
                    F<ErbjudandeSvar.Innehall>("kandidat", "Kandidatens namn", m => m.Kandidat),
                    F<ErbjudandeSvar.Innehall>("tjanst", "Tjänstens titel", m => m.Tjanst),
                    F<ErbjudandeSvar.Innehall>("diarienummer", "Rekryteringens diarienummer", m => m.Diarienummer),
                    F<ErbjudandeSvar.Innehall>("ja", "Sant om kandidaten tackade ja: {% if ja %}…{% else %}…{% endif %}", m => m.Ja),
                    F<ErbjudandeSvar.Innehall>("svar", "När kandidaten svarade, t.ex. torsdag 3 december 2026 kl. 10:00", m => SwedishTime.Format(m.SvarUtc)),
                    F<ErbjudandeSvar.Innehall>("kommun", "Kommunens namn", m => m.Kommun),
                    F<ErbjudandeSvar.Innehall>("lank", "Länk till kandidaten (kräver inloggning)", m => m.Lank, lank: true),
                ], m => ((ErbjudandeSvar.Innehall)m).Kommun),
            Mall("arende-notis", "Ärende att titta på", "När någon behöver agera i ett ärende (rekrytering, avveckling, uppdragskontrakt, roll att godkänna). Texten säger aldrig vad ärendet gäller.",
                [new ArendeNotis.Innehall("Lena Lind", "Det finns ett steg i rekryteringen som väntar på dig.", lank)],
                [
                    F<ArendeNotis.Innehall>("namn", "Mottagarens namn", m => m.Namn),
                    F<ArendeNotis.Innehall>("text", "Portalens mening om vad som väntar", m => m.Text),
                    F<ArendeNotis.Innehall>("lank", "Länk till ärendet (kräver inloggning)", m => m.Lank, lank: true),
                ], _ => null),
            Mall("chefsforsorjning-inbjudan", "Chefsförsörjning – inbjudan att söka", "Till en medarbetare i chefsförsörjningens pool när HR bjuder in till en utannonserad chefstjänst.",
                [new ChefsforsorjningInbjudan.Innehall("Anna", "Rektor vid Centralskolan", "KS 2026/123", new DateOnly(2026, 12, 15), "Kalix kommun", lank),
                 new ChefsforsorjningInbjudan.Innehall("Anna", "Rektor vid Centralskolan", "KS 2026/123", new DateOnly(2026, 12, 15), null, lank)],
                [
                    F<ChefsforsorjningInbjudan.Innehall>("namn", "Mottagarens förnamn", m => m.Namn),
                    F<ChefsforsorjningInbjudan.Innehall>("tjanst", "Tjänstens titel", m => m.Tjanst),
                    F<ChefsforsorjningInbjudan.Innehall>("diarienummer", "Rekryteringens diarienummer", m => m.Diarienummer),
                    F<ChefsforsorjningInbjudan.Innehall>("sista_dag", "Sista ansökningsdag, t.ex. 15 december 2026", m => Datum(m.SistaAnsokningsdag)),
                    F<ChefsforsorjningInbjudan.Innehall>("kommun", "Kommunens namn", m => m.Kommun),
                    F<ChefsforsorjningInbjudan.Innehall>("lank", "Länk till annonsen", m => m.Lank, lank: true),
                ], m => ((ChefsforsorjningInbjudan.Innehall)m).Kommun),
            Mall("arets-chef-inbjudan", "Årets chef – inbjudan att nominera", "Till alla anställda när nomineringen till Årets chef öppnar.",
                [new AretsChefInbjudan.Innehall("Anna", 2026, new DateOnly(2026, 12, 15), ["Skapar ett tryggt arbetsklimat", "Når goda resultat"], "Kalix kommun", lank),
                 new AretsChefInbjudan.Innehall("Anna", 2026, new DateOnly(2026, 12, 15), [], null, lank)],
                [
                    F<AretsChefInbjudan.Innehall>("namn", "Mottagarens förnamn", m => m.Namn),
                    F<AretsChefInbjudan.Innehall>("ar", "Året, t.ex. 2026", m => m.Ar),
                    F<AretsChefInbjudan.Innehall>("sista_dag", "Sista dag att nominera, t.ex. 15 december 2026", m => Datum(m.SistaDag)),
                    F<AretsChefInbjudan.Innehall>("kriterier", "Kriterierna, en lista: {% for k in kriterier %}{{ k }}{% endfor %}", m => m.Kriterier),
                    F<AretsChefInbjudan.Innehall>("kommun", "Kommunens namn", m => m.Kommun),
                    F<AretsChefInbjudan.Innehall>("lank", "Länk till nomineringen", m => m.Lank, lank: true),
                ], m => ((AretsChefInbjudan.Innehall)m).Kommun),
            Mall("aterkoppling-inbjudan", "Återkoppling till chefen – inbjudan", "Till alla medarbetare som har en chef när HR öppnar årets återkoppling.",
                [new AterkopplingInbjudan.Innehall("Anna", 2026, new DateOnly(2026, 12, 15), "Kalix kommun", lank),
                 new AterkopplingInbjudan.Innehall("Anna", 2026, new DateOnly(2026, 12, 15), null, lank)],
                [
                    F<AterkopplingInbjudan.Innehall>("namn", "Mottagarens förnamn", m => m.Namn),
                    F<AterkopplingInbjudan.Innehall>("ar", "Året, t.ex. 2026", m => m.Ar),
                    F<AterkopplingInbjudan.Innehall>("sista_dag", "Sista dag att svara, t.ex. 15 december 2026", m => Datum(m.SistaDag)),
                    F<AterkopplingInbjudan.Innehall>("kommun", "Kommunens namn", m => m.Kommun),
                    F<AterkopplingInbjudan.Innehall>("lank", "Länk till återkopplingen", m => m.Lank, lank: true),
                ], m => ((AterkopplingInbjudan.Innehall)m).Kommun),
            Mall("arets-chef-nominering-sparad", "Årets chef – nominering sparad", "Till den som har nominerat, när nomineringen är sparad. Nämner aldrig den nominerade.",
                [new AretsChefNomineringSparad.Innehall("Anna", 2026, new DateOnly(2026, 12, 15), true, "Kalix kommun", lank),
                 new AretsChefNomineringSparad.Innehall("Anna", 2026, new DateOnly(2026, 12, 15), false, null, lank)],
                [
                    F<AretsChefNomineringSparad.Innehall>("namn", "Nominatorns förnamn", m => m.Namn),
                    F<AretsChefNomineringSparad.Innehall>("ar", "Året", m => m.Ar),
                    F<AretsChefNomineringSparad.Innehall>("sista_dag", "Sista dag att ändra nomineringen", m => Datum(m.SistaDag)),
                    F<AretsChefNomineringSparad.Innehall>("juryn_ser_nominatorer", "Sant om juryn ser vem som nominerat: {% if juryn_ser_nominatorer %}…{% endif %}", m => m.JurynSerNominatorer),
                    F<AretsChefNomineringSparad.Innehall>("kommun", "Kommunens namn", m => m.Kommun),
                    F<AretsChefNomineringSparad.Innehall>("lank", "Länk till nomineringen", m => m.Lank, lank: true),
                ], m => ((AretsChefNomineringSparad.Innehall)m).Kommun),
            Mall("arets-chef-vinnare", "Årets chef – till vinnaren", "Till den som juryn har utsett, när det tillkännages.",
                [new AretsChefVinnare.Innehall("Anna", 2026, "För ett modigt och lyssnande ledarskap.", "Kalix kommun", lank),
                 new AretsChefVinnare.Innehall("Anna", 2026, null, null, lank)],
                [
                    F<AretsChefVinnare.Innehall>("namn", "Vinnarens förnamn", m => m.Namn),
                    F<AretsChefVinnare.Innehall>("ar", "Året", m => m.Ar),
                    F<AretsChefVinnare.Innehall>("motivering", "Juryns motivering (kan saknas)", m => m.Motivering),
                    F<AretsChefVinnare.Innehall>("kommun", "Kommunens namn", m => m.Kommun),
                    F<AretsChefVinnare.Innehall>("lank", "Länk till tillkännagivandet", m => m.Lank, lank: true),
                ], m => ((AretsChefVinnare.Innehall)m).Kommun),
            Mall("arets-chef-utsedd", "Årets chef – utsedd", "Till dem som bett att få veta när Årets chef är utsedd.",
                [new AretsChefUtsedd.Innehall("Anna", 2026, "Lena Lind", "Kalix kommun", lank), new AretsChefUtsedd.Innehall("Anna", 2026, "Lena Lind", null, lank)],
                [
                    F<AretsChefUtsedd.Innehall>("namn", "Mottagarens förnamn", m => m.Namn),
                    F<AretsChefUtsedd.Innehall>("ar", "Året", m => m.Ar),
                    F<AretsChefUtsedd.Innehall>("vinnare", "Vinnarens namn", m => m.Vinnare),
                    F<AretsChefUtsedd.Innehall>("kommun", "Kommunens namn", m => m.Kommun),
                    F<AretsChefUtsedd.Innehall>("lank", "Länk till tillkännagivandet", m => m.Lank, lank: true),
                ], m => ((AretsChefUtsedd.Innehall)m).Kommun),
            Mall("valkommen-ny-chef", "Välkommen som ny chef", "Till en ny chef när introduktionen är planerad.",
                [new ValkommenNyChef.Innehall("Anna Andersson", "Rektor", new DateOnly(2027, 2, 1), "Lena Lind", "Kalix kommun", lank),
                 new ValkommenNyChef.Innehall("Anna Andersson", "Rektor", new DateOnly(2027, 2, 1), "Lena Lind", null, null)],
                [
                    F<ValkommenNyChef.Innehall>("namn", "Den nya chefens namn", m => m.Namn),
                    F<ValkommenNyChef.Innehall>("befattning", "Befattningen", m => m.Befattning),
                    F<ValkommenNyChef.Innehall>("startdatum", "Introduktionens första dag", m => Datum(m.Startdatum)),
                    F<ValkommenNyChef.Innehall>("anstallande_chef", "Anställande chefens namn", m => m.AnstallandeChef),
                    F<ValkommenNyChef.Innehall>("kommun", "Kommunens namn", m => m.Kommun),
                    F<ValkommenNyChef.Innehall>("losenordslank", "Länk för att välja lösenord (saknas om chefen redan har ett konto)", m => m.LosenordsLank, lank: true),
                ], m => ((ValkommenNyChef.Innehall)m).Kommun),
            Mall("introduktion-paminnelse", "Påminnelse i introduktionen", "När en punkt i en introduktion har passerat sitt datum (högst tre gånger, en vecka emellan).",
                [new IntroduktionPaminnelse.Innehall("Lena Lind", "Möte med HR", "Anna Andersson", new DateOnly(2026, 12, 1), "Kalix kommun", lank)],
                [
                    F<IntroduktionPaminnelse.Innehall>("namn", "Mottagarens namn", m => m.Namn),
                    F<IntroduktionPaminnelse.Innehall>("punkt", "Punkten i checklistan", m => m.Punkt),
                    F<IntroduktionPaminnelse.Innehall>("ny_chef", "Den nya chefens namn", m => m.NyChef),
                    F<IntroduktionPaminnelse.Innehall>("forfaller", "När punkten skulle vara klar, t.ex. 1 december", m => m.Forfaller.ToString("d MMMM", Sv)),
                    F<IntroduktionPaminnelse.Innehall>("kommun", "Kommunens namn", m => m.Kommun),
                    F<IntroduktionPaminnelse.Innehall>("lank", "Länk till introduktionen", m => m.Lank, lank: true),
                ], m => ((IntroduktionPaminnelse.Innehall)m).Kommun),
            Mall("uppdragskontrakt-paminnelse", "Omprövning av uppdragskontrakt", "När ett uppdragskontrakt ska omprövas (till chefen och uppdragsgivaren).",
                [new UppdragskontraktPaminnelse.Innehall("Lena Lind", "Anna Andersson", false, 2, new DateOnly(2026, 12, 1), false, "Kalix kommun", lank),
                 new UppdragskontraktPaminnelse.Innehall("Anna Andersson", "Anna Andersson", true, 2, new DateOnly(2026, 12, 1), true, null, lank)],
                [
                    F<UppdragskontraktPaminnelse.Innehall>("namn", "Mottagarens namn", m => m.Namn),
                    F<UppdragskontraktPaminnelse.Innehall>("chef_namn", "Chefens namn", m => m.ChefNamn),
                    F<UppdragskontraktPaminnelse.Innehall>("ar_chefen", "Sant om mottagaren är chefen själv", m => m.ArChefen),
                    F<UppdragskontraktPaminnelse.Innehall>("versionsnummer", "Kontraktets version", m => m.Versionsnummer),
                    F<UppdragskontraktPaminnelse.Innehall>("omprovas_senast", "Sista dag för omprövningen", m => Datum(m.OmprovasSenast)),
                    F<UppdragskontraktPaminnelse.Innehall>("passerat", "Sant om dagen redan har passerat", m => m.Passerat),
                    F<UppdragskontraktPaminnelse.Innehall>("kommun", "Kommunens namn", m => m.Kommun),
                    F<UppdragskontraktPaminnelse.Innehall>("lank", "Länk till kontraktet", m => m.Lank, lank: true),
                ], m => ((UppdragskontraktPaminnelse.Innehall)m).Kommun),
            Mall("bedomning-paminnelse", "Påminnelse om intervjubedömning", "Till den i intervjupanelen som inte har bedömt en kandidat några dagar efter intervjun (en gång per kandidat).",
                [new BedomningPaminnelse.Innehall("Per Persson", "Anna Andersson", "Enhetschef hemtjänst", "REK-2026-0001", new DateTime(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc), "Kalix kommun", lank),
                 new BedomningPaminnelse.Innehall("Per Persson", "Anna Andersson", "Enhetschef hemtjänst", "REK-2026-0001", new DateTime(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc), null, lank)],
                [
                    F<BedomningPaminnelse.Innehall>("namn", "Mottagarens namn", m => m.Namn),
                    F<BedomningPaminnelse.Innehall>("kandidat", "Kandidatens namn", m => m.Kandidat),
                    F<BedomningPaminnelse.Innehall>("tjanst", "Tjänsten som rekryteras", m => m.Tjanst),
                    F<BedomningPaminnelse.Innehall>("diarienummer", "Rekryteringens diarienummer", m => m.Diarienummer),
                    F<BedomningPaminnelse.Innehall>("intervju", "När intervjun var, t.ex. 3 december 2026 10:00", m => Tid(m.IntervjuUtc)),
                    F<BedomningPaminnelse.Innehall>("kommun", "Kommunens namn", m => m.Kommun),
                    F<BedomningPaminnelse.Innehall>("lank", "Länk till bedömningen", m => m.Lank, lank: true),
                ], m => ((BedomningPaminnelse.Innehall)m).Kommun),
            Mote(MoteInbjudan.Slag.Ny, "Möte – kallelse", "När någon kallar till ett möte (t.ex. en intervju); kalenderinbjudan bifogas."),
            Mote(MoteInbjudan.Slag.Andrad, "Möte – ny tid eller plats", "När ett möte får ny tid eller plats."),
            Mote(MoteInbjudan.Slag.Installd, "Möte – inställt", "När ett möte ställs in."),
            Mall("nytt-konto", "Nytt konto", "När Admin skapar ett konto åt någon.",
                [new NyttKonto.Innehall("Anna Andersson", "Kalix kommun", lank)],
                [
                    F<NyttKonto.Innehall>("namn", "Personens namn", m => m.Namn),
                    F<NyttKonto.Innehall>("kommun", "Kommunens namn", m => m.Kommun),
                    F<NyttKonto.Innehall>("losenordslank", "Länk för att välja lösenord (gäller tre dygn)", m => m.LosenordsLank, lank: true),
                ], m => ((NyttKonto.Innehall)m).Kommun),
            Mall("nytt-losenord", "Nytt lösenord", "När någon har bett om ett nytt lösenord.",
                [new NyttLosenord.Innehall("Anna Andersson", "Kalix kommun", lank)],
                [
                    F<NyttLosenord.Innehall>("namn", "Personens namn", m => m.Namn),
                    F<NyttLosenord.Innehall>("kommun", "Kommunens namn", m => m.Kommun),
                    F<NyttLosenord.Innehall>("losenordslank", "Länk för att välja nytt lösenord (gäller tre dygn, en gång)", m => m.LosenordsLank, lank: true),
                ], m => ((NyttLosenord.Innehall)m).Kommun),
            Mall("testmejl", "Testmejl", "När Admin skickar ett testmejl till sig själv under E-post.",
                [new Testmejl.Innehall("Nils Eriksson", "Kalix kommun", new DateTime(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc))],
                [
                    F<Testmejl.Innehall>("namn", "Mottagarens namn", m => m.Namn),
                    F<Testmejl.Innehall>("kommun", "Kommunens namn", m => m.Kommun),
                    F<Testmejl.Innehall>("skickat", "När mejlet skickades", m => m.Skickat.ToString("d MMMM yyyy 'kl.' HH:mm", Sv)),
                ], m => ((Testmejl.Innehall)m).Kommun),
        ];
    }

    private static Mejlfalt F<T>(string namn, string beskrivning, Func<T, object?> varde, bool lank = false) =>
        new(namn, beskrivning, o => varde((T)o), lank);

    private static Mejlmall Mall(string nyckel, string namn, string nar, IReadOnlyList<object> exempel, IReadOnlyList<Mejlfalt> falt, Func<object, string?> kommun) =>
        new(nyckel, namn, nar, exempel[0].GetType(), [.. falt, new Mejlfalt(AmnesFalt, "Ämnet som portalen föreslår för just det här mejlet", _ => null)], exempel, kommun);
}
