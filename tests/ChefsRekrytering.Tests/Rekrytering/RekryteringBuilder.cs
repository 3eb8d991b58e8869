using ChefsRekrytering.Demo;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Workflows;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Rekrytering;

/// <summary>
/// A recruitment in a demo municipality, brought to the state a test needs through the real
/// <see cref="RekryteringService"/> and workflow: the fields a recruiting manager and HR would fill in are set
/// directly, then each trigger is fired, so a refused step fails the test with the workflow's own reasons.
/// Owned by the demo account rekryterande@{kommun}; "today" is the portal's clock in Swedish time.
/// </summary>
public sealed class RekryteringBuilder(PortalFactory portal, string kommunId = "kalix")
{
    public const string StandardAnnonstext =
        "Vi söker en engagerad chef som vill leda och utveckla verksamheten tillsammans med medarbetarna.\n\n" +
        "Du har högskoleutbildning inom området och erfarenhet av att leda medarbetare. Du är trygg, tydlig och nyfiken.";

    private static readonly Actor Hr = new(null, "Lena Forsberg (HR)");
    private string _titel = "Enhetschef hemtjänst";
    private string? _enhet;
    private string _annonstext = StandardAnnonstext;
    private int _dagarTillSistaAnsokningsdag = 21;

    public RekryteringBuilder Titel(string titel) { _titel = titel; return this; }

    /// <summary>The unit by name; default the municipality's first unit of type Enhet.</summary>
    public RekryteringBuilder Enhet(string namn) { _enhet = namn; return this; }

    public RekryteringBuilder Annonstext(string text) { _annonstext = text; return this; }

    public RekryteringBuilder SistaAnsokningsdagOm(int dagar) { _dagarTillSistaAnsokningsdag = dagar; return this; }

    /// <summary>Need approved, LAS checked and a fixed kravprofil from the policy: everything but the advert itself.</summary>
    public Task<int> KravprofilAsync() => BuildAsync(publish: false);

    /// <summary>Published, with the last application day <see cref="SistaAnsokningsdagOm"/> days ahead (21 by default).</summary>
    public Task<int> AnnonseradAsync() => BuildAsync(publish: true);

    private async Task<int> BuildAsync(bool publish)
    {
        await using var scope = portal.ScopeFor(kommunId, out var db);
        var services = scope.ServiceProvider;
        var rekryteringar = services.GetRequiredService<RekryteringService>();
        var owner = await services.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(DemoSeeder.LoginFor(kommunId, "rekryterande"))
            ?? throw new InvalidOperationException($"Demokontot rekryterande@{kommunId} saknas.");
        var enhet = await db.Enheter.Where(e => _enhet == null ? e.Typ == EnhetTyp.Enhet : e.Namn == _enhet).OrderBy(e => e.Id).FirstAsync();

        var r = await rekryteringar.CreateAsync(kommunId, _titel, enhet.Id, owner.Id, owner.Namn);
        r.Behovsbeskrivning = "Nuvarande chef går i pension och enheten behöver en ny chef från våren.";
        await FireAsync(rekryteringar, r, RekryteringsHandelse.SkickaForBehovsprovning);
        r.LasUtfall = LasUtfall.IngenForetradesratt;
        r.LasKontrolleradUtc = db.UtcNow;
        r.LasKontrolleradAv = Hr.Namn;
        await FireAsync(rekryteringar, r, RekryteringsHandelse.GodkannBehov);
        r.Kravprofiler.Add(FixedProfile(services.GetRequiredService<PolicyLibrary>().Get(kommunId), db.UtcNow));
        r.Annonstext = _annonstext;
        r.SistaAnsokningsdag = DateOnly.FromDateTime(Calendar.SwedishTime.ToLocal(db.UtcNow)).AddDays(_dagarTillSistaAnsokningsdag);
        if (publish) await FireAsync(rekryteringar, r, RekryteringsHandelse.PubliceraAnnons);
        await db.SaveChangesAsync();
        return r.Id;
    }

    /// <summary>The policy's first three requirements, fixed as version 1.</summary>
    private Kravprofil FixedProfile(LeadershipPolicy policy, DateTime now) => new()
    {
        KommunId = kommunId, Version = 1, Faststalld = true, FaststalldUtc = now, FaststalldAv = Hr.Namn,
        Kompetenser = policy.AllaKrav.Take(3).Select((krav, i) => new KravprofilKompetens
        {
            KommunId = kommunId, PolicyKravId = krav.Id, Omrade = krav.AreaNamn, Text = krav.Text,
            Intervjufraga = Intervjufragor.For(krav.Text), Ordning = i,
        }).ToList(),
    };

    private static async Task FireAsync(RekryteringService service, Rekryteringar.Rekrytering r, RekryteringsHandelse trigger)
    {
        var result = await service.FireAsync(r, trigger, Hr);
        if (!result.Succeeded)
            throw new InvalidOperationException($"{trigger} nekades: {string.Join(" ", result.Reasons)}");
    }
}
