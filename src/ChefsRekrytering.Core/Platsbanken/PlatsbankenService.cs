using System.Security.Claims;
using ChefsRekrytering.Data;
using ChefsRekrytering.Notifications;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChefsRekrytering.Platsbanken;

/// <summary>The advert's state in Platsbanken as HR and the recruiting manager see it on the recruitment's page.</summary>
public sealed record Platsbankenstatus(bool Konfigurerat, Platsbanksstatus Status, string Text, string? PlatsbankenId, string? Felmeddelande,
    string? SenasteForsok, DateTime? SkickadUtc);

/// <summary>
/// Keeps a recruitment's advert in Platsbanken in step with the recruitment: the recruitment's commands call
/// <see cref="KoaAsync"/> in their own unit of work when the advert is published, changed or the recruitment ends, which
/// (re)schedules one job; the job (<see cref="PlatsbankenSynk"/>) sends what the recruitment then is. So an unreachable
/// API is a retry with backoff by the scheduler, never a lost advert, and several changes before it runs are one call.
/// </summary>
public sealed class PlatsbankenService(AppDbContext db, Scheduler scheduler, IOptions<PlatsbankenOptions> options)
{
    public const string Jobb = "platsbanken-synk";

    public bool Konfigurerat => options.Value.Konfigurerat;

    /// <summary>The municipalities the advert form offers.</summary>
    public IReadOnlyList<Begrepp> Kommunval => Platsbankstaxonomi.KommunVal(options.Value);

    /// <summary>Stores the form's Platsbanken fields on the recruitment; ignored when Platsbanken is off (the form has none).</summary>
    public void Tillampa(Platsbanksfalt? falt, Rekrytering r)
    {
        if (Konfigurerat) falt?.Tillampa(r);
    }

    /// <summary>Why the advert cannot go to Platsbanken as it is; none when Platsbanken is not configured.</summary>
    public IReadOnlyList<string> Hinder(Rekrytering r, DateOnly idag) => Konfigurerat ? Platsbanksregler.Hinder(r, idag) : [];

    /// <summary>Schedules sending the recruitment's advert as it will be once the caller has saved; nothing when not configured.</summary>
    public async Task KoaAsync(Rekrytering r, CancellationToken ct = default)
    {
        if (!Konfigurerat) return;
        var annons = await db.Set<PlatsbankenAnnons>().FirstOrDefaultAsync(a => a.RekryteringId == r.Id, ct);
        if (annons is null)
        {
            if (!r.ArOppen) return; // never sent: nothing to withdraw
            annons = new PlatsbankenAnnons { KommunId = r.KommunId, RekryteringId = r.Id };
            db.Add(annons);
        }
        annons.Status = Platsbanksstatus.Vantar;
        await scheduler.CancelAsync(Jobb, r.Id, ct);
        scheduler.Schedule(Jobb, db.UtcNow, r.Id, kommunId: r.KommunId);
    }

    /// <summary>The status for the recruitment's page: HR and the owner only (not the panel).</summary>
    public async Task<Platsbankenstatus?> StatusAsync(Rekrytering r, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!RekryteringAccess.CanManage(user, r)) return null;
        if (!Konfigurerat) return new(false, Platsbanksstatus.EjSkickad, "Platsbanken är inte konfigurerat", null, null, null, null);
        var a = await db.Set<PlatsbankenAnnons>().AsNoTracking().FirstOrDefaultAsync(x => x.RekryteringId == r.Id, ct);
        if (a is null) return new(true, Platsbanksstatus.EjSkickad, "Ej skickad", null, null, null, null);
        var text = a.Status switch
        {
            Platsbanksstatus.Publicerad => $"Publicerad i Platsbanken med id {a.PlatsbankenId}",
            Platsbanksstatus.Avvisad => "Avvisad av Arbetsförmedlingen",
            Platsbanksstatus.Aterkallad => "Återkallad",
            Platsbanksstatus.Vantar => "Väntar",
            _ => "Ej skickad",
        };
        return new(true, a.Status, text, a.PlatsbankenId, a.Felmeddelande, a.SenasteForsok, a.SkickadUtc);
    }
}

/// <summary>
/// Sends one recruitment's advert to Platsbanken as the recruitment now is: created (POST) the first time, updated (PUT)
/// after, withdrawn (DELETE) once the recruitment is filled or cancelled. A refusal (4xx) is stored and shown, not retried;
/// an unreachable API throws, so the scheduler tries again with backoff.
/// </summary>
public sealed class PlatsbankenSynk(AppDbContext db, PlatsbankenKlient klient, IOptions<PlatsbankenOptions> options, MailLinks links,
    ILogger<PlatsbankenSynk> log) : IScheduledJobHandler
{
    public string JobType => PlatsbankenService.Jobb;

    public async Task HandleAsync(ScheduledJob job, CancellationToken ct)
    {
        if (!options.Value.Konfigurerat || job.SubjectId is not { } id) return;
        var annons = await db.Set<PlatsbankenAnnons>().FirstOrDefaultAsync(a => a.RekryteringId == id, ct);
        var r = await db.Set<Rekrytering>().Include(x => x.Enhet).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (annons is null || r is null) return;

        try
        {
            var svar = r.ArOppen && r.PubliceradUtc is not null ? await PubliceraAsync(r, annons, ct)
                : annons.PlatsbankenId is { } afId && annons.Status != Platsbanksstatus.Aterkallad ? await klient.AterkallaAsync(afId, ct)
                : null;
            if (svar is null) annons.Status = annons.PlatsbankenId is null ? Platsbanksstatus.EjSkickad : Platsbanksstatus.Aterkallad;
            else if (!svar.Godtagen) (annons.Status, annons.Felmeddelande) = (Platsbanksstatus.Avvisad, svar.Fel);
            else
            {
                annons.PlatsbankenId ??= svar.Id;
                annons.Status = r.ArOppen ? Platsbanksstatus.Publicerad : Platsbanksstatus.Aterkallad;
                annons.Felmeddelande = null;
            }
            annons.SenasteForsok = null;
            annons.SkickadUtc = db.UtcNow;
            await db.SaveChangesAsync(ct);
            log.LogInformation("Platsbanken: rekrytering {Id} är {Status}", id, annons.Status);
        }
        catch (PlatsbankenOtillgangligException e)
        {
            annons.SenasteForsok = $"{e.Message} Nytt försök görs automatiskt.";
            await db.SaveChangesAsync(ct);
            log.LogWarning("Platsbanken: rekrytering {Id} kunde inte skickas: {Fel}", id, e.Message);
            throw;
        }
    }

    private async Task<Platsbankssvar> PubliceraAsync(Rekrytering r, PlatsbankenAnnons annons, CancellationToken ct)
    {
        // The same rules as when it was published: a later change that broke one is refused here, in the portal's words.
        var idag = DateOnly.FromDateTime(Calendar.SwedishTime.ToLocal(db.UtcNow));
        if (Platsbanksregler.Hinder(r, idag) is { Count: > 0 } hinder) return Platsbankssvar.Avvisad(string.Join(" ", hinder));
        var payload = await AnnonsAsync(r, ct);
        return annons.PlatsbankenId is { } afId ? await klient.UppdateraAsync(afId, payload, ct) : await klient.SkapaAsync(payload, ct);
    }

    private async Task<Platsbanksannons> AnnonsAsync(Rekrytering r, CancellationToken ct)
    {
        var o = options.Value;
        var agarensEpost = await db.Users.IgnoreQueryFilters().Where(u => u.Id == r.AgareUserId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        var ansvarig = o.AnsvarigEpost ?? agarensEpost ?? "";
        var namn = r.AgareNamn.Trim().Split(' ', 2);
        var kommun = await db.Kommuner.IgnoreQueryFilters().Where(k => k.Id == r.KommunId).Select(k => k.Namn).FirstOrDefaultAsync(ct);
        return new Platsbanksannons(
            JobAdResponsibleEmail: ansvarig,
            Contacts: [new Platsbankskontakt(namn[0], namn.Length > 1 ? namn[1] : "-", agarensEpost ?? ansvarig)],
            EmploymentType: r.AnstallningstypBegrepp!, Duration: r.VaraktighetBegrepp!, WorktimeExtent: r.ArbetstidBegrepp!,
            WageType: r.LonetypBegrepp!, Eures: false, Title: r.Titel.Trim(), Description: r.Annonstext.Trim(),
            LastPublishDate: r.SistaAnsokningsdag!.Value.ToString("yyyy-MM-dd"), TotalJobOpenings: 1, Occupation: r.YrkeBegrepp!,
            Application: new Ansokningssatt(new Ansokningsvag(links.For($"/jobb/annons/{r.Id}")), r.Diarienummer),
            Workplaces: [new Arbetsplats(r.Enhet?.Namn ?? kommun ?? r.KommunId, r.KommunBegrepp!,
                new Postadress(string.IsNullOrWhiteSpace(r.ArbetsplatsGatuadress) ? null : r.ArbetsplatsGatuadress.Trim(),
                    r.ArbetsplatsPostnummer!, r.ArbetsplatsOrt!.Trim()))]);
    }
}
