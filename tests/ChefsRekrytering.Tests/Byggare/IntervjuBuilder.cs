using ChefsRekrytering.Policies;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Byggare;

/// <summary>
/// A Kalix recruitment in the interview phase: created, given its panel and its kravprofil through the same commands the
/// pages call (the first requirement of each of the policy's competence areas, weights 5, 4, 3, …, fixed unless told
/// otherwise), with two candidates, owned by rekryterande@kalix.example with jury@kalix.example on the panel. HR
/// (hr@kalix.example) sees it by role; medarbetare@kalix.example and Älvsbyn's HR are outsiders.
/// </summary>
public sealed class IntervjuBuilder(PortalFactory portal)
{
    public const string Kommun = "kalix";
    public const string Agare = "rekryterande";
    public const string Panel = "jury";
    public const string Hr = "hr";

    private bool _faststalld = true;
    private KandidatTillstand _kandidatTillstand = KandidatTillstand.IntervjuBokad;

    /// <summary>The profile is still a draft: no guide, no scorecards.</summary>
    public IntervjuBuilder UtanFaststalldKravprofil()
    {
        _faststalld = false;
        return this;
    }

    public IntervjuBuilder MedKandidaterILaget(KandidatTillstand tillstand)
    {
        _kandidatTillstand = tillstand;
        return this;
    }

    public async Task<Intervju> BuildAsync()
    {
        await using var scope = portal.ScopeFor(Kommun, out var db);
        var services = scope.ServiceProvider;
        var rekryteringar = services.GetRequiredService<RekryteringService>();
        var data = new Testdata(portal, Kommun);
        var (agare, panel) = (await data.KontoAsync(Agare), await data.KontoAsync(Panel));
        var policy = services.GetRequiredService<PolicyLibrary>().Get(Kommun);
        var enhet = await db.Enheter.FirstAsync(e => e.Namn == "Hemtjänst Centrum");

        var skapad = await rekryteringar.SkapaAsync(new Behov("Enhetschef hemtjänst", enhet.Id, "Enhetschefen går i pension och tjänsten behöver tillsättas.",
            Anstallningsform.Tillsvidare, 100, null), agare.Principal);
        if (!skapad.Succeeded) throw new InvalidOperationException($"Rekryteringen nekades: {string.Join(" ", skapad.Result.Reasons)}");
        var id = skapad.Value;
        await RekryteringBuilder.StegAsync(db, id, v => rekryteringar.LaggTillIPanelenAsync(id, v, panel.UserId, agare.Principal));
        var forsta = policy.Kompetensomraden.Select(a => a.Krav[0].Id).ToList();
        var profil = new Kravprofilval(policy.AllaKrav
            .Select(k => new PolicyKravval(k.Id, forsta.Contains(k.Id), forsta.Contains(k.Id) ? Math.Max(1, 5 - forsta.IndexOf(k.Id)) : 3, null)).ToList(), []);
        await RekryteringBuilder.StegAsync(db, id, v => _faststalld
            ? rekryteringar.FaststallKravprofilAsync(id, v, profil, agare.Principal)
            : rekryteringar.SparaKravprofilAsync(id, v, profil, agare.Principal));

        // Reviewing and interviewing begin when the advert's last day has passed, which a test's clock does not wait for:
        // the recruitment is put in its interview phase here, with the applicants as the application form stores them.
        var r = (await rekryteringar.LoadAsync(id))!;
        r.State = RekryteringsTillstand.Intervjuer;
        foreach (var (fornamn, efternamn) in new[] { ("Åsa", "Öberg"), ("Bertil", "Lund") })
        {
            r.Kandidater.Add(new Kandidat
            {
                KommunId = Kommun, Fornamn = fornamn, Efternamn = efternamn, Epost = $"{Guid.NewGuid():N}@example.com",
                State = _kandidatTillstand, InkomUtc = db.UtcNow, SamtyckeVersion = "1", SamtyckeUtc = db.UtcNow,
                AtkomstHash = Guid.NewGuid().ToString("N"),
            });
        }
        await db.SaveChangesAsync();
        return new Intervju(r.Id, r.Kandidater.Select(k => k.Id).ToList(),
            r.Kravprofiler[0].Kompetenser.OrderBy(k => k.Ordning).Select(k => k.Id).ToList(), agare.UserId, panel.UserId);
    }
}

/// <summary>What <see cref="IntervjuBuilder"/> stored, with the interview pages' addresses.</summary>
public sealed record Intervju(int Id, IReadOnlyList<int> KandidatIds, IReadOnlyList<int> KompetensIds, string AgareUserId, string PanelUserId)
{
    public string Guide => $"/rekrytering/{Id}/intervjuguide";
    public string Jamforelse => $"/rekrytering/{Id}/jamforelse";
    public string Bedomning(int kandidat = 0) => $"/rekrytering/{Id}/kandidater/{KandidatIds[kandidat]}/bedomning";
    public string Referenser(int kandidat = 0) => $"/rekrytering/{Id}/kandidater/{KandidatIds[kandidat]}/referenser";

    /// <summary>A scorecard form: the given scores in the profile's order, each with a comment.</summary>
    public Dictionary<string, string> Poang(params int[] poang)
    {
        var form = new Dictionary<string, string>();
        for (var i = 0; i < KompetensIds.Count; i++)
        {
            form[$"Rader[{i}].KompetensId"] = KompetensIds[i].ToString();
            if (i < poang.Length) form[$"Rader[{i}].Poang"] = poang[i].ToString();
            form[$"Rader[{i}].Kommentar"] = $"Exempel {i + 1}";
        }
        return form;
    }
}
