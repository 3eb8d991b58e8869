using ChefsRekrytering.Data;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Byggare;

/// <summary>
/// A recruitment in a demo municipality, brought to the state a test needs through the same commands the pages call
/// (<see cref="RekryteringService"/>), by the demo accounts rekryterande@{kommun} (the owner) and hr@{kommun}, so a
/// refused step fails the test with the command's own reasons. "Today" is the portal's clock in Swedish time.
/// </summary>
public sealed class RekryteringBuilder(PortalFactory portal, string kommunId = "kalix")
{
    public const string StandardAnnonstext =
        "Vi söker en engagerad chef som vill leda och utveckla verksamheten tillsammans med medarbetarna.\n\n" +
        "Du har högskoleutbildning inom området och erfarenhet av att leda medarbetare. Du är trygg, tydlig och nyfiken.";

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
        var data = new Testdata(portal, kommunId);
        var agare = await data.PrincipalAsync("rekryterande");
        var hr = await data.PrincipalAsync("hr");
        var enhet = await db.Enheter.Where(e => _enhet == null ? e.Typ == EnhetTyp.Enhet : e.Namn == _enhet).OrderBy(e => e.Id).FirstAsync();

        var skapad = await rekryteringar.SkapaAsync(new Behov(_titel, enhet.Id, "Nuvarande chef går i pension och enheten behöver en ny chef från våren.",
            Anstallningsform.Tillsvidare, 100, null), agare);
        if (!skapad.Succeeded) throw new InvalidOperationException($"Rekryteringen nekades: {string.Join(" ", skapad.Result.Reasons)}");
        var id = skapad.Value;
        await StegAsync(db, id, v => rekryteringar.FireAsync(id, v, RekryteringsHandelse.SkickaForBehovsprovning, null, agare));
        await StegAsync(db, id, v => rekryteringar.RegistreraLasAsync(id, v, LasUtfall.IngenForetradesratt, null, hr));
        await StegAsync(db, id, v => rekryteringar.FireAsync(id, v, RekryteringsHandelse.GodkannBehov, null, hr));
        // The policy's first three requirements, fixed as version 1.
        var policy = services.GetRequiredService<PolicyLibrary>().Get(kommunId);
        var tre = policy.AllaKrav.Take(3).Select(k => k.Id).ToList();
        var profil = new Kravprofilval(policy.AllaKrav.Select(k => new PolicyKravval(k.Id, tre.Contains(k.Id), 3, null)).ToList(), []);
        await StegAsync(db, id, v => rekryteringar.FaststallKravprofilAsync(id, v, profil, agare));
        var idag = DateOnly.FromDateTime(Calendar.SwedishTime.ToLocal(db.UtcNow));
        await StegAsync(db, id, v => rekryteringar.SparaAnnonsAsync(id, v, _annonstext, idag.AddDays(_dagarTillSistaAnsokningsdag), agare));
        if (publish) await StegAsync(db, id, v => rekryteringar.FireAsync(id, v, RekryteringsHandelse.PubliceraAnnons, null, agare));
        return id;
    }

    /// <summary>One command on the recruitment as it is now stored (its current version); a refusal fails the test with its reasons.</summary>
    public static async Task StegAsync(AppDbContext db, int id, Func<Guid, Task<CommandResult>> command)
    {
        var version = await db.Set<Rekryteringar.Rekrytering>().Where(r => r.Id == id).Select(r => r.Version).SingleAsync();
        var result = await command(version);
        if (!result.Succeeded) throw new InvalidOperationException($"Steget nekades ({result.Outcome}): {string.Join(" ", result.Reasons)}");
    }
}
