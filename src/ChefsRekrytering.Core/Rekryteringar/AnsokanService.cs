using System.Security.Cryptography;
using System.Text;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Documents;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Notifications.Mallar;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace ChefsRekrytering.Rekryteringar;

/// <summary>A published advert as the public sees it: nothing but what the advert itself says.</summary>
public sealed record Annons(
    int Id, string KommunId, string Kommun, string Titel, string Enhet, string Diarienummer, Anstallningsform Anstallningsform,
    int Omfattning, DateOnly SistaAnsokningsdag, DateTime PubliceradUtc, string Annonstext);

/// <summary>A file the applicant sends: the name their browser gave and its content.</summary>
public sealed record AnsokanFil(string FileName, Stream Content);

/// <summary>What the application form sends. Property names are also the field names in <see cref="AnsokanFel.Falt"/>.
/// <paramref name="Sprak"/>: the language the applicant applied in, which their page and mails then follow.</summary>
public sealed record NyAnsokan(string Fornamn, string Efternamn, string Epost, string Telefon, AnsokanFil? Cv, AnsokanFil? Brev,
    IReadOnlyDictionary<int, string?>? Svar = null, string Sprak = ChefsRekrytering.Sprak.Svenska)
{
    /// <summary>The field name of a screening question's answer in <see cref="AnsokanFel.Falt"/>.</summary>
    public static string SvarFalt(int fragaId) => $"{nameof(Svar)}[{fragaId}]";
}

/// <summary>A refusal in Swedish, for the field it concerns (a <see cref="NyAnsokan"/> property name) or the whole form (null).
/// <paramref name="Mall"/> and <paramref name="Varden"/> are the text before the values went in, so a page in English can
/// word it from its own resources (<c>Sokandetexter</c>); a text with no values is its own pattern.</summary>
public sealed record AnsokanFel(string? Falt, string Text, string? Mall = null, IReadOnlyList<object>? Varden = null)
{
    public static AnsokanFel Med(string? falt, string mall, params object[] varden) =>
        new(falt, string.Format(Sprak.SvenskKultur, mall, varden), mall, varden);
}

/// <summary>Either the private link's token (the application is stored) or why not (nothing is stored).</summary>
public sealed record AnsokanResultat(string? Token, IReadOnlyList<AnsokanFel> Fel)
{
    public bool Succeeded => Token is not null;
}

/// <summary>Where an application stands, in words for the applicant rather than HR's workflow states.</summary>
public sealed record AnsokanLage(string Rubrik, string Text);

/// <summary>The applicant's own page: the application, its recruitment and municipality, where it stands, what was sent, the interview.</summary>
public sealed record MinAnsokan(Kandidat Kandidat, Rekrytering Rekrytering, string Kommun, AnsokanLage Lage,
    IReadOnlyList<(DokumentTyp Typ, string Namn)> Dokument, Mote? Intervju)
{
    /// <summary>The free interview times the applicant may choose among now (invited, not yet interviewed).</summary>
    public IReadOnlyList<Intervjutid> Intervjutider { get; init; } = [];
    /// <summary>The offer, while the applicant has it or after they answered it.</summary>
    public Erbjudandevy? Erbjudande { get; init; }
    /// <summary>The question about the recruitment: offered (not answered yet), answered, or null before an outcome.</summary>
    public Upplevelselage? Upplevelse { get; init; }
}

/// <summary>The experience question on the applicant's page after the outcome: still to answer, or answered.</summary>
public enum Upplevelselage { Obesvarad, Besvarad }

/// <summary>The offer as the applicant reads it on their page: start, terms, the recruitment, and whom to ask.</summary>
public sealed record Erbjudandevy(DateOnly Startdatum, string? Villkor, DateTime ErbjudetUtc, string Tjanst, string Diarienummer,
    string Rekryterande, string? Epost, string? Telefon, DateTime? SvarUtc, bool KanSvara);

/// <summary>
/// The applicant's side of a recruitment, without signing in: the public adverts, the application with its CV and
/// letter, and the private link (a random token of which only the SHA-256 is stored) through which the applicant
/// follows or withdraws it. Public requests have no municipality: records are found across municipalities here,
/// and the request is then bound to the record's own (<see cref="CurrentKommun.Use"/>).
/// </summary>
public sealed class AnsokanService(
    AppDbContext db, CurrentKommun kommun, DocumentService documents, Outbox outbox, OutboxSignal outboxSignal,
    RekryteringService rekryteringar, ILogger<AnsokanService> log, Intervjutider intervjutider, IErbjudandesignering signering, MailLinks links)
{
    public const string InteAktuell = "Annonsen är inte längre aktuell: sista ansökningsdag har passerat eller annonsen är inte publicerad.";
    public const string DokumentFel = "Ansökan kunde inte tas emot just nu eftersom dokumenten inte gick att spara. Ingenting har sparats – försök igen om en stund.";
    public const string RedanAvslutad = "Ansökan är redan avslutad och kan inte återtas.";
    public const string AndradSamtidigt = "Din ansökan ändrades i samma stund av den som rekryterar. Sidan visar nu det senaste läget; återta ansökan igen om du fortfarande vill.";
    /// <summary>Stored as the uploader of the applicant's documents: an applicant has no user id.</summary>
    public const string Uppladdare = "sokande";
    public static readonly Actor Sokande = new(null, "Sökande");

    private DateOnly Today => DateOnly.FromDateTime(SwedishTime.ToLocal(db.UtcNow));

    /// <summary>Every open advert of every municipality this deployment serves, newest first.</summary>
    public async Task<IReadOnlyList<Annons>> PublishedAsync(string? kommunId = null, CancellationToken ct = default) =>
        await Project(OpenAdverts().Where(r => kommunId == null || r.KommunId == kommunId)).ToListAsync(ct);

    /// <summary>The advert, or null when it is not published (any more) or its last application day has passed.</summary>
    public Task<Annons?> FindPublishedAsync(int id, CancellationToken ct = default) =>
        Project(OpenAdverts().Where(r => r.Id == id)).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Stores the application to an open advert: the candidate, its CV and letter, and the confirmation mail with the
    /// private link, all in one transaction. Every field and both files are checked first, so a refusal changes
    /// nothing; if the document store fails half-way, what was stored is removed again. Returns the token.
    /// </summary>
    public async Task<AnsokanResultat> SubmitAsync(int rekryteringId, NyAnsokan ansokan, Func<string, string> privateLink, CancellationToken ct = default)
    {
        var r = await OpenAdverts().FirstOrDefaultAsync(x => x.Id == rekryteringId, ct);
        if (r is null) return Refused(null, InteAktuell);
        kommun.Use(r.KommunId);

        // Typed by anyone on the internet and shown to HR: no control characters or direction overrides, whoever calls.
        ansokan = ansokan with
        {
            Fornamn = InputText.SingleLine(ansokan.Fornamn ?? ""), Efternamn = InputText.SingleLine(ansokan.Efternamn ?? ""),
            Epost = InputText.SingleLine(ansokan.Epost ?? ""), Telefon = InputText.SingleLine(ansokan.Telefon ?? ""),
        };
        var fel = ValidateText(ansokan); // then the answers and the files: the errors come in the form's order
        var fragor = await db.Set<Urvalsfraga>().Where(f => f.RekryteringId == r.Id).OrderBy(f => f.Ordning).ToListAsync(ct);
        var svar = Urvalssvaren(fragor, ansokan.Svar, fel);
        using var cv = ansokan.Cv is null ? null : await documents.CheckAsync(ansokan.Cv.Content, ct);
        using var brev = ansokan.Brev is null ? null : await documents.CheckAsync(ansokan.Brev.Content, ct);
        if (cv is null) fel.Add(new(nameof(NyAnsokan.Cv), "Välj en fil med ditt CV."));
        else if (!cv.Accepted) fel.Add(AnsokanFel.Med(nameof(NyAnsokan.Cv), "CV: {0}", cv.Error!));
        if (brev is { Accepted: false }) fel.Add(AnsokanFel.Med(nameof(NyAnsokan.Brev), "Personligt brev: {0}", brev.Error!));
        if (fel.Count > 0) return new(null, fel);

        var (token, hash) = NyLank();
        var now = db.UtcNow;
        var k = new Kandidat
        {
            KommunId = r.KommunId, RekryteringId = r.Id,
            Fornamn = ansokan.Fornamn.Trim(), Efternamn = ansokan.Efternamn.Trim(), Epost = ansokan.Epost.Trim(), Telefon = ansokan.Telefon.Trim(),
            Sprak = ChefsRekrytering.Sprak.Normalisera(ansokan.Sprak), InkomUtc = now, SamtyckeVersion = Personuppgiftsinformation.Version, SamtyckeUtc = now, AtkomstHash = hash,
            Urvalssvar = svar.Select(x => new Urvalssvar { KommunId = r.KommunId, UrvalsfragaId = x.Fraga.Id, Varde = x.Varde }).ToList(),
        };
        var kommunNamn = await db.Kommuner.Where(x => x.Id == r.KommunId).Select(x => x.Namn).FirstAsync(ct);

        // HR never sees an application without its documents, and a crash half-way leaves no candidate behind. Once
        // storing has begun it runs to the end (no cancellation): a browser that gives up must not leave half an application.
        var none = CancellationToken.None;
        await using var tx = await db.Database.BeginTransactionAsync(none);
        db.Add(k);
        try
        {
            await db.SaveChangesAsync(none);
            var sent = new List<(DokumentTyp Typ, string Namn)>();
            foreach (var (file, checkedFile, typ) in new[] { (ansokan.Cv, cv, DokumentTyp.CV), (ansokan.Brev, brev, DokumentTyp.PersonligtBrev) })
            {
                if (file is null || checkedFile is null) continue;
                var upload = await documents.UploadAsync(checkedFile, file.FileName, typ, KandidatDocumentAccess.Owner, k.Id, Uppladdare, none);
                if (!upload.Succeeded)
                {
                    await UndoAsync(k, tx);
                    return Refused(null, DokumentFel);
                }
                sent.Add((typ, upload.Dokument.OriginalFileName));
            }
            await outbox.EnqueueAsync<AnsokanMottagen, AnsokanMottagen.Innehall>(
                k.Mottagare, $"Vi har tagit emot din ansökan – {r.Titel}",
                new AnsokanMottagen.Innehall(k.Namn, r.Titel, r.Diarienummer, kommunNamn, now,
                    r.SistaAnsokningsdag!.Value, sent, privateLink(token)),
                topic: $"Kandidat:{k.Id}", kommunId: r.KommunId);
            await db.SaveChangesAsync(none);
            await tx.CommitAsync(none);
        }
        catch when (k.Id > 0)
        {
            // A failing database, or a mail that would not render: the stored bytes must not outlive the rolled-back rows.
            try { await UndoAsync(k, tx); }
            catch (Exception undo) { log.LogError(undo, "Ansökan till rekrytering {RekryteringId} kunde inte städas bort efter ett fel", r.Id); }
            throw;
        }
        outboxSignal.Notify(); // the outbox's own wake-up fired before the commit, when the mail was not yet visible
        k.MojligDubblettAvId = await FlagDuplicatesAfterCommitAsync(k);
        log.LogInformation("Ansökan {KandidatId} till rekrytering {RekryteringId} mottagen{Dubblett}", k.Id, r.Id,
            k.MojligDubblettAvId is int earlier ? $", möjlig dubblett av {earlier}" : "");
        return new(token, []);
    }

    /// <summary>
    /// The candidate behind a private link, with its recruitment, bound to its municipality; null for an unknown token
    /// or an application whose personal data is already deleted.
    /// </summary>
    public async Task<Kandidat?> FindByTokenAsync(string? token, CancellationToken ct = default)
    {
        // A token is 64 hex digits; anything else is not worth a query. A mail program may have changed the case.
        if (token is not { Length: 64 } || !token.All(char.IsAsciiHexDigit)) return null;
        var hash = Hash(token.ToLowerInvariant());
        // The link of the confirmation mail, or of an invitation to choose an interview time.
        var inbjuden = await intervjutider.KandidatForInbjudanAsync(hash, ct)
            // or the link to the experience question in an outcome mail (Kandidatupplevelse)
            ?? await db.Set<Upplevelseinbjudan>().IgnoreQueryFilters().Where(i => i.AtkomstHash == hash).Select(i => (int?)i.KandidatId).FirstOrDefaultAsync(ct);
        var found = await db.Set<Kandidat>().IgnoreQueryFilters().Where(k => (k.AtkomstHash == hash || k.Id == inbjuden) && k.GallradUtc == null)
            .Select(k => new { k.Id, k.KommunId }).FirstOrDefaultAsync(ct);
        if (found is null) return null;
        kommun.Use(found.KommunId);
        return await db.Set<Kandidat>().Include(k => k.Rekrytering).FirstAsync(k => k.Id == found.Id, ct);
    }

    /// <summary>
    /// The applicant withdraws through their private link while the application is still open, and is told by mail (the
    /// Besked template). <paramref name="version"/> is the application as their page showed it: if the one recruiting
    /// changed it since, or in the same instant, nothing of the withdrawal is kept and the applicant is told.
    /// </summary>
    public async Task<CommandResult> AtertaAsync(string? token, Guid? version, CancellationToken ct = default)
    {
        if (await FindByTokenAsync(token, ct) is not { } k) return CommandResult.NotFound;
        if (k.ArAvslutad) return CommandResult.Refused(RedanAvslutad);
        if (version is { } sedd && sedd != k.Version) return CommandResult.Conflict(AndradSamtidigt);
        var result = await rekryteringar.FireAsync(k, k.Rekrytering!, KandidatHandelse.Aterta, Sokande, "Återtagen av den sökande");
        if (!result.Succeeded) return CommandResult.Refused(result.Reasons);
        if (await db.CommitAsync(k, "Din ansökan är återtagen. Du får en bekräftelse per e-post.", ct) is { Outcome: Outcome.Conflict })
            return CommandResult.Conflict(AndradSamtidigt);
        log.LogInformation("Ansökan {KandidatId} återtagen av den sökande", k.Id);
        return CommandResult.Done("Din ansökan är återtagen. Du får en bekräftelse per e-post.");
    }

    /// <summary>The applicant's own page behind the private link: where the application stands in their words, what they
    /// sent and the booked interview; null for an unknown link.</summary>
    public async Task<MinAnsokan?> MinAnsokanAsync(string? token, CancellationToken ct = default)
    {
        if (await FindByTokenAsync(token, ct) is not { Rekrytering: { } r } k) return null;
        var intervju = k.State == KandidatTillstand.IntervjuBokad ? await rekryteringar.BokadIntervjuAsync(k, ct) : null;
        return new(k, r, rekryteringar.KommunNamn(r) ?? k.KommunId, LageFor(k), await DocumentsOfAsync(k, ct), intervju)
        {
            Intervjutider = await intervjutider.ValbaraAsync(k, ct),
            Erbjudande = await ErbjudandeAsync(k, r, ct),
            Upplevelse = await UpplevelseAsync(k, ct) is var (inbjudan, utfall) && utfall is not null
                ? inbjudan?.Besvarad == true ? Upplevelselage.Besvarad : Upplevelselage.Obesvarad : null,
        };
    }

    private async Task<(Upplevelseinbjudan? Inbjudan, Utfallsslag? Utfall)> UpplevelseAsync(Kandidat k, CancellationToken ct)
    {
        var inbjudan = await db.Set<Upplevelseinbjudan>().FirstOrDefaultAsync(i => i.KandidatId == k.Id, ct);
        return (inbjudan, Upplevelseinbjudan.UtfallFor(k, inbjudan));
    }

    public const string UpplevelseBesvarad = "Du har redan svarat på frågan om rekryteringen. Tack! Ditt svar gäller och ingenting har ändrats.";
    public const string UpplevelseInteAnnu = "Frågan om hur du upplevde rekryteringen ställs när du har fått besked om din ansökan.";
    public const string UpplevelseBetyg = "Välj ett betyg från 1 till 5.";

    /// <summary>
    /// The applicant answers "Hur upplevde du rekryteringen?" once, after the outcome they were told (or when hired): the
    /// answer is stored under the recruitment and outcome kind without the candidate (<see cref="Kandidatupplevelse"/>), and
    /// only that they answered is marked on them. Before an outcome, a second time, or a score outside 1–5: refused, nothing changed.
    /// </summary>
    public async Task<CommandResult> SvaraPaUpplevelsenAsync(string? token, int betyg, string? kommentar, CancellationToken ct = default)
    {
        if (await FindByTokenAsync(token, ct) is not { } k) return CommandResult.NotFound;
        var (inbjudan, utfall) = await UpplevelseAsync(k, ct);
        if (utfall is not { } slag) return CommandResult.Refused(UpplevelseInteAnnu);
        if (inbjudan?.Besvarad == true) return CommandResult.Refused(UpplevelseBesvarad);
        if (betyg is < 1 or > 5) return CommandResult.Refused(UpplevelseBetyg);
        kommentar = string.IsNullOrWhiteSpace(kommentar) ? null : kommentar.Trim();
        if (kommentar?.Length > Kandidatupplevelse.KommentarMaxLangd)
            return CommandResult.Refused($"Kommentaren får vara högst {Kandidatupplevelse.KommentarMaxLangd} tecken.");
        if (inbjudan is null) // hired: asked on their page, with no outcome mail
            db.Add(inbjudan = new Upplevelseinbjudan { KommunId = k.KommunId, KandidatId = k.Id, Utfall = slag, AtkomstHash = NyLank().Hash });
        inbjudan.Besvarad = true;
        db.Add(new Kandidatupplevelse { KommunId = k.KommunId, RekryteringId = k.RekryteringId, Utfall = slag, Betyg = betyg, Kommentar = kommentar, Datum = Today });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) // answered in the same instant from another tab: the first answer stands
        {
            return CommandResult.Refused(UpplevelseBesvarad);
        }
        return CommandResult.Done("Tack för ditt svar!");
    }

    private async Task<Erbjudandevy?> ErbjudandeAsync(Kandidat k, Rekrytering r, CancellationToken ct)
    {
        if (k.ErbjudetUtc is not { } erbjudet || k.Startdatum is not { } start) return null;
        var agare = await db.Users.Where(u => u.Id == r.AgareUserId).Select(u => new { u.Namn, u.Email, u.PhoneNumber }).FirstOrDefaultAsync(ct);
        return new(start, k.Erbjudandevillkor, erbjudet, r.Titel, r.Diarienummer, agare?.Namn ?? r.AgareNamn, agare?.Email, agare?.PhoneNumber,
            k.SvarUtc, k.State == KandidatTillstand.Erbjuden);
    }

    public const string ErbjudandetBesvarat = "Erbjudandet är redan besvarat. Ditt tidigare svar gäller och ingenting har ändrats.";
    public const string ErbjudandetGallerInte = "Erbjudandet gäller inte längre och kan inte besvaras här. Kontakta den som rekryterar.";
    public const string SvaretBekraftas = "Kryssa i rutan för att bekräfta ditt svar på erbjudandet.";

    /// <summary>
    /// The applicant books, or moves to, one of the free interview times through their private link (<see cref="Intervjutider"/>).
    /// <paramref name="version"/> is the application as the page showed it: a change since is refused and explained.
    /// </summary>
    public async Task<CommandResult> BokaIntervjutidAsync(string? token, int tidId, Guid? version, CancellationToken ct = default)
    {
        if (await FindByTokenAsync(token, ct) is not { } k) return CommandResult.NotFound;
        if (version != k.Version) return CommandResult.Conflict(AndradSamtidigtSida);
        var result = await intervjutider.BokaAsync(k, tidId, Sokande, ct);
        if (result.Succeeded) outboxSignal.Notify();
        return result;
    }

    public const string AndradSamtidigtSida = "Din ansökan har ändrats sedan du öppnade sidan. Sidan visar nu det senaste läget; gör ditt val igen.";

    /// <summary>
    /// The applicant answers the offer on their page: yes (<see cref="KandidatHandelse.Acceptera"/>, which fills the post
    /// as when HR registers it) or no (<see cref="KandidatHandelse.TackaNej"/>), only when confirmed and under the
    /// configured signing (<see cref="IErbjudandesignering"/>). The answer's time is kept (SvarUtc) and the history says it
    /// came from the applicant's page; HR and the recruiting manager get a mail. An offer already answered or withdrawn,
    /// or a page showing an older version: refused, nothing changed.
    /// </summary>
    public async Task<CommandResult> SvaraPaErbjudandetAsync(string? token, bool ja, bool bekraftat, Guid? version, CancellationToken ct = default)
    {
        if (await FindByTokenAsync(token, ct) is not { } k) return CommandResult.NotFound;
        if (k.State is KandidatTillstand.Anstalld or KandidatTillstand.TackatNej) return CommandResult.Refused(ErbjudandetBesvarat);
        if (k.State != KandidatTillstand.Erbjuden) return CommandResult.Refused(ErbjudandetGallerInte);
        if (version != k.Version) return CommandResult.Conflict(AndradSamtidigtSida);
        if (!bekraftat) return CommandResult.Refused(SvaretBekraftas);
        if (await signering.HinderAsync(k, ja, ct) is { } hinder) return CommandResult.Refused(hinder);
        var r = (await rekryteringar.LoadAsync(k.RekryteringId, ct))!;
        var nu = db.UtcNow;
        var result = await rekryteringar.FireAsync(k, r, ja ? KandidatHandelse.Acceptera : KandidatHandelse.TackaNej, Sokande,
            $"Svar från kandidaten via sin sida {SwedishTime.Format(nu)}");
        if (!result.Succeeded) return db.Refuse(result.Reasons);
        var mottagare = (await db.MedRollAsync(Konton.Roller.HR, null, ct)).ToList();
        if (await db.KontoAsync(r.AgareUserId, null, ct) is { } agare) mottagare.Add(agare);
        foreach (var till in mottagare.DistinctBy(m => m.Address.Trim().ToLowerInvariant()))
            await outbox.EnqueueAsync<ErbjudandeSvar, ErbjudandeSvar.Innehall>(till,
                $"{k.Namn} har tackat {(ja ? "ja" : "nej")} till erbjudandet – {r.Titel}",
                new ErbjudandeSvar.Innehall(till.Name, k.Namn, r.Titel, r.Diarienummer, ja, k.SvarUtc ?? nu, rekryteringar.KommunNamn(r),
                    links.For($"/rekrytering/{r.Id}/kandidater/{k.Id}")),
                topic: $"Kandidat:{k.Id}", kommunId: r.KommunId);
        var klart = ja ? "Tack! Du har tackat ja till erbjudandet. Rekryterande chef hör av sig om introduktionen."
            : "Du har tackat nej till erbjudandet. Tack för ditt intresse.";
        var saved = await db.CommitAsync(k, klart, ct);
        if (saved.Outcome == Outcome.Conflict) return CommandResult.Conflict(AndradSamtidigtSida);
        outboxSignal.Notify();
        log.LogInformation("Kandidat {KandidatId} svarade på erbjudandet via sin sida", k.Id);
        return saved;
    }

    /// <summary>The municipalities this deployment serves, in Swedish name order, for choosing whose adverts to see.</summary>
    public async Task<IReadOnlyList<Kommun>> KommunerAsync(CancellationToken ct = default) =>
        (await db.Kommuner.AsNoTracking().ToListAsync(ct)).OrderBy(k => k.Namn, SwedishTime.NameOrder).ToList();

    /// <summary>The documents the applicant sent, for their own page: kind and name only.</summary>
    public async Task<IReadOnlyList<(DokumentTyp Typ, string Namn)>> DocumentsOfAsync(Kandidat k, CancellationToken ct = default) =>
        (await db.Dokument.Where(d => d.OwnerType == KandidatDocumentAccess.Owner && d.OwnerId == k.Id)
            .OrderBy(d => d.Kind).ThenBy(d => d.Id).Select(d => new { d.Kind, d.OriginalFileName }).ToListAsync(ct))
        .Select(d => (d.Kind, d.OriginalFileName)).ToList();

    /// <summary>The applicant's view of their state: honest, but without HR's internal steps.</summary>
    public static AnsokanLage LageFor(Kandidat k) => k.State switch
    {
        KandidatTillstand.Inkommen or KandidatTillstand.Granskad => new("Din ansökan är mottagen och granskas",
            "När ansökningstiden har gått ut går vi igenom alla ansökningar. Vi hör av oss om du går vidare till intervju."),
        KandidatTillstand.IntervjuBokad => new("Du är kallad till intervju", "Kallelsen med tid och plats har skickats till din e-post."),
        KandidatTillstand.Intervjuad or KandidatTillstand.ReferenserTagna or KandidatTillstand.Foreslagen => new("Du är kvar i rekryteringen efter intervjun",
            "Vi arbetar vidare med rekryteringen, till exempel med referenser. Du får besked när vi vet mer."),
        KandidatTillstand.Erbjuden => new("Du har fått ett erbjudande om anställning", "Läs erbjudandet nedan och tacka ja eller nej här på sidan."),
        KandidatTillstand.Anstalld => new("Du har tackat ja och är anställd", "Välkommen! Du får information om din introduktion."),
        KandidatTillstand.TackatNej => new("Du har tackat nej till erbjudandet", "Tack för ditt intresse och den tid du har lagt på rekryteringen."),
        KandidatTillstand.Atertagen => new("Du har återtagit din ansökan", "Du deltar inte längre i rekryteringen."),
        _ when k.Rekrytering?.State == RekryteringsTillstand.Avbruten => new("Rekryteringen har avbrutits", "Ingen kommer att anställas i den här rekryteringen."),
        _ => new("Din ansökan går inte vidare", "Tack för ditt intresse. Du är välkommen att söka andra tjänster hos oss."),
    };

    /// <summary>Published and still open for applications, in a municipality this deployment serves; across municipalities.</summary>
    private IQueryable<Rekrytering> OpenAdverts()
    {
        var today = Today;
        return db.Set<Rekrytering>().IgnoreQueryFilters()
            .Where(r => r.State == RekryteringsTillstand.Annonserad && r.SistaAnsokningsdag >= today && db.Kommuner.Any(k => k.Id == r.KommunId));
    }

    /// <summary>Newest first.</summary>
    private IQueryable<Annons> Project(IQueryable<Rekrytering> query) =>
        from r in query
        join k in db.Kommuner on r.KommunId equals k.Id
        orderby r.PubliceradUtc descending, r.Id descending
        select new Annons(r.Id, r.KommunId, k.Namn, r.Titel, r.Enhet!.Namn, r.Diarienummer, r.Anstallningsform, r.Omfattning,
            r.SistaAnsokningsdag!.Value, r.PubliceradUtc ?? r.SkapadUtc, r.Annonstext);

    /// <summary>The screening questions of an open advert, in order, for its form; across municipalities like the advert.</summary>
    public async Task<IReadOnlyList<Urvalsfraga>> UrvalsfragorAsync(int rekryteringId, CancellationToken ct = default) =>
        await db.Set<Urvalsfraga>().IgnoreQueryFilters().AsNoTracking()
            .Where(f => f.RekryteringId == rekryteringId && OpenAdverts().Any(r => r.Id == rekryteringId)).OrderBy(f => f.Ordning).ToListAsync(ct);

    /// <summary>
    /// Every question must be answered: ja/nej and flerval with one of its options, a number as a number, free text within
    /// 2000 characters. A refusal names the question; the answers kept are cleaned (a number stored invariant).
    /// </summary>
    private static List<(Urvalsfraga Fraga, string Varde)> Urvalssvaren(IReadOnlyList<Urvalsfraga> fragor, IReadOnlyDictionary<int, string?>? givna, List<AnsokanFel> fel)
    {
        var svar = new List<(Urvalsfraga, string)>();
        foreach (var f in fragor)
        {
            var falt = NyAnsokan.SvarFalt(f.Id);
            var varde = f.Typ == UrvalsfragaTyp.Fritext ? InputText.MultiLine(givna?.GetValueOrDefault(f.Id) ?? "").Trim()
                : InputText.SingleLine(givna?.GetValueOrDefault(f.Id) ?? "").Trim();
            if (varde.Length == 0)
            {
                fel.Add(AnsokanFel.Med(falt, f.Typ is UrvalsfragaTyp.Fritext or UrvalsfragaTyp.Tal ? "Svara på frågan ”{0}”." : "Välj ett svar på frågan ”{0}”.", f.Text));
                continue;
            }
            switch (f.Typ)
            {
                case UrvalsfragaTyp.JaNej or UrvalsfragaTyp.Flerval when !f.Alternativ.Contains(varde):
                    fel.Add(AnsokanFel.Med(falt, "Välj ett av alternativen på frågan ”{0}”.", f.Text));
                    break;
                case UrvalsfragaTyp.Tal when Urvalsfraga.Tal(varde) is null:
                    fel.Add(AnsokanFel.Med(falt, "Svara med ett tal på frågan ”{0}”, till exempel 5.", f.Text));
                    break;
                case UrvalsfragaTyp.Tal:
                    svar.Add((f, Urvalsfraga.Tal(varde)!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    break;
                case UrvalsfragaTyp.Fritext when varde.Length > 2000:
                    fel.Add(AnsokanFel.Med(falt, "Svaret på frågan ”{0}” får ha högst 2000 tecken.", f.Text));
                    break;
                default:
                    svar.Add((f, varde));
                    break;
            }
        }
        return svar;
    }

    private static List<AnsokanFel> ValidateText(NyAnsokan a)
    {
        var fel = new List<AnsokanFel>();
        void Text(string field, string? value, string name, int max)
        {
            if (string.IsNullOrWhiteSpace(value)) fel.Add(new(field, $"Fyll i {name}."));
            else if (value.Trim().Length > max) fel.Add(AnsokanFel.Med(field, $"{char.ToUpper(name[0])}{name[1..]} får ha högst {{0}} tecken.", max));
        }
        Text(nameof(NyAnsokan.Fornamn), a.Fornamn, "förnamn", 100);
        Text(nameof(NyAnsokan.Efternamn), a.Efternamn, "efternamn", 100);
        Text(nameof(NyAnsokan.Epost), a.Epost, "e-postadress", 256);
        Text(nameof(NyAnsokan.Telefon), a.Telefon, "telefonnummer", 40);
        if (!string.IsNullOrWhiteSpace(a.Epost) && !InputText.IsEmail(a.Epost.Trim()))
            fel.Add(new(nameof(NyAnsokan.Epost), "E-postadressen är inte giltig. Skriv den som namn@exempel.se."));
        if (!string.IsNullOrWhiteSpace(a.Telefon) && (Telefonsiffror(a.Telefon).Length is < 6 or > 15 || a.Telefon.Any(c => !(char.IsAsciiDigit(c) || " +-()".Contains(c)))))
            fel.Add(new(nameof(NyAnsokan.Telefon), "Telefonnumret är inte giltigt. Skriv det med siffror, till exempel 070-123 45 67."));
        return fel;
    }


    /// <summary>
    /// The earliest application to the same recruitment with the same e-mail (whatever the case), or with the same name
    /// and phone number (whatever the spacing). Flagged to HR, never refused: two people may share a family address.
    /// </summary>
    /// <summary>
    /// Flags a possible duplicate: an application like an earlier one to the same recruitment. Looked for after the commit,
    /// not before the insert, where an application sent in the same instant would not yet be seen: each application
    /// looks at its own row and at every later unflagged row like it, and flags each that has an earlier match. Of two
    /// racing applications the later look starts after both commits and sees both. Returns the earlier application
    /// <paramref name="k"/> turned out to repeat, if any.
    /// </summary>
    internal async Task<int?> FlagDuplicatesAfterCommitAsync(Kandidat k)
    {
        // In memory: case-insensitive comparison of å, ä and ö differs between the providers, and a recruitment has hundreds of applicants, not millions.
        var rows = await db.Set<Kandidat>().AsNoTracking().Where(x => x.RekryteringId == k.RekryteringId && x.GallradUtc == null).OrderBy(x => x.Id)
            .Select(x => new { x.Id, x.MojligDubblettAvId, Vem = new Uppgifter(x.Epost, x.Fornamn, x.Efternamn, x.Telefon) }).ToListAsync(CancellationToken.None);
        var ny = Uppgifter.Of(k);
        int? own = null;
        foreach (var x in rows.Where(x => x.MojligDubblettAvId is null && (x.Id == k.Id || x.Id > k.Id && x.Vem.Alike(ny))))
        {
            if (rows.TakeWhile(e => e.Id < x.Id).FirstOrDefault(e => e.Vem.Alike(x.Vem)) is not { } earlier) continue;
            await db.Set<Kandidat>().Where(c => c.Id == x.Id && c.MojligDubblettAvId == null)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.MojligDubblettAvId, earlier.Id), CancellationToken.None);
            if (x.Id == k.Id) own = earlier.Id;
        }
        return own;
    }

    /// <summary>What the form tells about the applicant; the same person has the same e-mail address, or the same name and
    /// phone number.</summary>
    private sealed record Uppgifter(string? Epost, string? Fornamn, string? Efternamn, string? Telefon)
    {
        public static Uppgifter Of(Kandidat k) => new(k.Epost, k.Fornamn, k.Efternamn, k.Telefon);

        public bool Alike(Uppgifter o) => Same(Epost, o.Epost)
            || (Same(Fornamn, o.Fornamn) && Same(Efternamn, o.Efternamn) && Telefonsiffror(Telefon) is { Length: > 0 } phone && Telefonsiffror(o.Telefon) == phone);
    }

    private static bool Same(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.InvariantCultureIgnoreCase);

    /// <summary>The digits of a Swedish phone number, with +46 or 0046 written as the leading 0.</summary>
    internal static string Telefonsiffror(string? telefon)
    {
        var digits = new string((telefon ?? "").Where(char.IsAsciiDigit).ToArray());
        if (telefon?.TrimStart().StartsWith('+') == true && digits.StartsWith("46")) return "0" + digits[2..];
        return digits.StartsWith("0046") ? "0" + digits[4..] : digits;
    }

    /// <summary>The stored form of a private link's token; the invitation to book (<see cref="Intervjutider"/>) is such a
    /// link too, and <see cref="FindByTokenAsync"/> looks both up with this one hash.</summary>
    internal static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    /// <summary>A new private link: its token and the <see cref="Hash"/> that is stored. Lower-case hex rather than
    /// Base64Url: the portal lower-cases the URLs it generates, which would break a mixed-case token.</summary>
    internal static (string Token, string Hash) NyLank()
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    /// <summary>
    /// Takes the half-stored application away again: the candidate and its document rows in one save (which also
    /// deletes the stored bytes, or notes them for the janitor), committed so those notes survive.
    /// </summary>
    private async Task UndoAsync(Kandidat k, IDbContextTransaction tx)
    {
        db.ChangeTracker.Clear(); // nothing half-done (a mail, a failed document row) may ride along in the saves below
        db.Remove(k);
        await documents.DeleteAllForAsync(KandidatDocumentAccess.Owner, k.Id, CancellationToken.None);
        await tx.CommitAsync(CancellationToken.None);
    }

    private static AnsokanResultat Refused(string? falt, string text) => new(null, [new(falt, text)]);
}
