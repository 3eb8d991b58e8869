using ChefsRekrytering.Demo;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Policies;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Rekrytering;

/// <summary>
/// A Kalix recruitment in the interview phase, stored through the app's own services: a fixed kravprofil with the first
/// requirement of each of the policy's competence areas (weights 5, 4, 3, …), two candidates with a booked interview,
/// owned by rekryterande@kalix.example with jury@kalix.example on the panel. HR (hr@kalix.example) sees it by role;
/// medarbetare@kalix.example and Älvsbyn's HR are outsiders.
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
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var agare = (await users.FindByEmailAsync(DemoSeeder.LoginFor(Kommun, Agare)))!;
        var panel = (await users.FindByEmailAsync(DemoSeeder.LoginFor(Kommun, Panel)))!;
        var policy = scope.ServiceProvider.GetRequiredService<PolicyLibrary>().Get(Kommun);
        var enhet = await db.Enheter.FirstAsync(e => e.Namn == "Hemtjänst Centrum");

        var r = await scope.ServiceProvider.GetRequiredService<RekryteringService>()
            .CreateAsync(Kommun, "Enhetschef hemtjänst", enhet.Id, agare.Id, agare.Namn);
        r.State = RekryteringsTillstand.Intervjuer;
        r.Behovsbeskrivning = "Enhetschefen går i pension och tjänsten behöver tillsättas.";
        r.Panel.Add(new PanelMedlem { KommunId = Kommun, UserId = panel.Id, Namn = panel.Namn });
        var krav = policy.Kompetensomraden.Select(a => a.Krav[0]).ToList();
        r.Kravprofiler.Add(new Kravprofil
        {
            KommunId = Kommun, Version = 1, Faststalld = _faststalld, FaststalldUtc = _faststalld ? db.UtcNow : null, FaststalldAv = agare.Namn,
            Kompetenser = krav.Select((k, i) => new KravprofilKompetens
            {
                KommunId = Kommun, PolicyKravId = k.Id, Omrade = k.AreaNamn, Text = k.Text, Vikt = Math.Max(1, 5 - i),
                Intervjufraga = Intervjufragor.For(k.Text), Ordning = i + 1,
            }).ToList(),
        });
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
            r.Kravprofiler[0].Kompetenser.OrderBy(k => k.Ordning).Select(k => k.Id).ToList(), agare.Id, panel.Id);
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
