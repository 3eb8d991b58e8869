using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Tests.Byggare;
using ChefsRekrytering.Tests.Infrastructure;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Tests.Rekrytering;

/// <summary>The matrix and the scorecard rules as pure functions, with numbers worked out by hand.</summary>
public class BedomningarTests
{
    // Three competences with weights 5, 3 and 1 (Σ vikt = 9), listed out of order to show the profile's order wins.
    private static readonly Kravprofil Profil = new()
    {
        KommunId = "kalix", Version = 1, Faststalld = true,
        Kompetenser = [Kompetens(20, "B", 3, ordning: 2), Kompetens(10, "A", 5, ordning: 1), Kompetens(30, "C", 1, ordning: 3)],
    };

    [Fact]
    public void MatrisenGerMedelPerKompetensOchViktatResultat()
    {
        // Xenia: A (4+5)/2 = 4,5; B (3+4)/2 = 3,5; C 2. Viktat (4,5·5 + 3,5·3 + 2·1) / 9 = 35/9 ≈ 3,89.
        var xenia = Kandidat(1, "Xenia", ("u1", 10, 4), ("u2", 10, 5), ("u1", 20, 3), ("u2", 20, 4), ("u1", 30, 2), ("u2", 30, 2));
        // Yngve: one interviewer, A 3, B 5, C 5. Viktat (15 + 15 + 5) / 9 = 35/9: the same as Xenia.
        var yngve = Kandidat(2, "Yngve", ("u1", 10, 3), ("u1", 20, 5), ("u1", 30, 5));
        // Zelda: A (2+3+4)/3 = 3; B (1+2)/2 = 1,5; C unscored. Viktat over A and B: (3·5 + 1,5·3) / 8 = 19,5/8 = 2,4375.
        var zelda = Kandidat(3, "Zelda", ("u1", 10, 2), ("u2", 10, 3), ("u3", 10, 4), ("u1", 20, 1), ("u2", 20, 2));
        var ingen = Kandidat(4, "Åke");

        var m = Bedomningar.Jamfor(Profil, [zelda, ingen, yngve, xenia]);

        Assert.Equal([10, 20, 30], m.Kompetenser.Select(k => k.Id));
        Assert.Equal(["Xenia", "Yngve", "Zelda"], m.Rader.Select(r => r.Kandidat.Fornamn)); // Åke has no scores: not in the matrix
        var (x, y, z) = (m.Rader[0], m.Rader[1], m.Rader[2]);
        Assert.Equal([4.5m, 3.5m, 2m], x.Celler.Select(c => c.Medel));
        Assert.Equal([2, 2, 2], x.Celler.Select(c => c.Antal));
        Assert.Equal(35m / 9m, x.Viktat);
        Assert.Equal(35m / 9m, y.Viktat);
        Assert.Equal(2.4375m, z.Viktat);
        Assert.Equal([3m, 1.5m, null], z.Celler.Select(c => c.Medel));
        Assert.Equal([3, 2, 0], z.Celler.Select(c => c.Antal));
        Assert.Equal((2, 1, 3), (x.Bedomare, y.Bedomare, z.Bedomare));
        Assert.Equal([1, 1, 3], m.Rader.Select(r => r.Rang)); // equal totals share a place; the next one is third
    }

    [Fact]
    public void PoangPaEnAnnanVersionAvKravprofilenRaknasInte()
    {
        var k = Kandidat(1, "Xenia", ("u1", 10, 4), ("u1", 99, 1));
        var rad = Bedomningar.Jamfor(Profil, [k]).Rader.Single();
        Assert.Equal(4m, rad.Viktat);
        Assert.Equal(1, rad.Bedomare);
        Assert.Empty(Bedomningar.Jamfor(Profil, [Kandidat(2, "Yngve", ("u1", 99, 5))]).Rader);
    }

    [Fact]
    public void PlatsenFoljerDetVisadeResultatetMedEnDecimal()
    {
        var a = Kandidat(1, "A", ("u1", 10, 4), ("u1", 20, 4), ("u1", 30, 4)); // 36/9 = 4
        var b = Kandidat(2, "B", ("u1", 10, 4), ("u1", 20, 4), ("u1", 30, 3)); // (20 + 12 + 3) / 9 = 3,888… → 3,9
        // A 4, B (4+3)/2 = 3,5, C 5: (20 + 10,5 + 5) / 9 = 3,944… → 3,9. Higher than B exactly, but the page shows both
        // as 3,9, so they share second place rather than rank in an order the numbers shown cannot explain.
        var c = Kandidat(3, "C", ("u1", 10, 4), ("u1", 20, 4), ("u1", 30, 5), ("u2", 10, 4), ("u2", 20, 3), ("u2", 30, 5));
        var m = Bedomningar.Jamfor(Profil, [c, b, a]);
        Assert.Equal(["A", "B", "C"], m.Rader.Select(r => r.Kandidat.Fornamn));
        Assert.Equal([1, 2, 2], m.Rader.Select(r => r.Rang));
        Assert.Equal(["4,0", "3,9", "3,9"], m.Rader.Select(r => Bedomningar.Format(r.Viktat)));
    }

    [Theory]
    [InlineData(2.25, "2,3")]
    [InlineData(3.8333, "3,8")]
    [InlineData(5, "5,0")]
    public void TalVisasMedEnDecimalOchKommatecken(decimal value, string shown) => Assert.Equal(shown, Bedomningar.Format(value));

    [Fact]
    public void TomtVardeVisasSomStreck() => Assert.Equal("–", Bedomningar.Format(null));

    [Fact]
    public void FullstandigBedomningGodkanns() =>
        Assert.Empty(Bedomningar.Validera(Profil, [new(10, 1, null), new(20, 5, "Bra"), new(30, 3, "")]));

    [Fact]
    public void VarjeKompetensMasteFaPoang1Till5()
    {
        var fel = Bedomningar.Validera(Profil, [new(10, 0, null), new(20, 6, null)]);
        Assert.Equal(
        [
            new Bedomningsfel(10, "Poängen för kompetens 1 (A) måste vara från 1 till 5."),
            new Bedomningsfel(20, "Poängen för kompetens 2 (B) måste vara från 1 till 5."),
            new Bedomningsfel(30, "Välj en poäng från 1 till 5 för kompetens 3 (C)."),
        ], fel);
    }

    [Theory]
    [InlineData(99)] // another recruitment's competence
    [InlineData(10)] // the same competence twice
    public void FormularMedFelKompetensAvvisasHelt(int forged)
    {
        var fel = Bedomningar.Validera(Profil, [new(10, 3, null), new(20, 3, null), new(30, 3, null), new(forged, 3, null)]);
        Assert.Equal([new Bedomningsfel(null, "Formuläret stämmer inte med rekryteringens kravprofil. Ladda om sidan och fyll i bedömningen igen.")], fel);
    }

    [Fact]
    public void ForLangKommentarAvvisas()
    {
        var fel = Bedomningar.Validera(Profil, [new(10, 3, new string('x', 2001)), new(20, 3, null), new(30, 3, null)]);
        Assert.Equal("Kommentaren för kompetens 1 (A) får ha högst 2000 tecken.", fel.Single().Meddelande);
    }

    [Theory]
    [InlineData(KandidatTillstand.IntervjuBokad, true)]
    [InlineData(KandidatTillstand.Intervjuad, true)]
    [InlineData(KandidatTillstand.Granskad, false)]
    [InlineData(KandidatTillstand.ReferenserTagna, false)]
    [InlineData(KandidatTillstand.EjAktuell, false)]
    public void BedomningGorsNarIntervjunArBokadEllerGenomford(KandidatTillstand state, bool allowed)
    {
        var k = Kandidat(1, "X");
        k.State = state;
        Assert.Equal(allowed, Bedomningar.Hinder(k) is null);
    }

    [Theory]
    [InlineData(KandidatTillstand.IntervjuBokad, RekryteringsTillstand.Intervjuer, false)]
    [InlineData(KandidatTillstand.Intervjuad, RekryteringsTillstand.Referenser, true)]
    [InlineData(KandidatTillstand.Foreslagen, RekryteringsTillstand.FackligSamverkan, true)]
    [InlineData(KandidatTillstand.EjAktuell, RekryteringsTillstand.Referenser, false)]
    [InlineData(KandidatTillstand.Intervjuad, RekryteringsTillstand.Avbruten, false)]
    public void ReferenserTasForIntervjuadeKandidaterIOppenRekrytering(KandidatTillstand k, RekryteringsTillstand r, bool allowed)
    {
        var kandidat = Kandidat(1, "X");
        kandidat.State = k;
        var rekrytering = new Rekryteringar.Rekrytering { KommunId = "kalix", Diarienummer = "REK", Titel = "T", AgareUserId = "u", AgareNamn = "U", State = r };
        Assert.Equal(allowed, Referenstagning.Hinder(kandidat, rekrytering) is null);
    }

    private static KravprofilKompetens Kompetens(int id, string omrade, int vikt, int ordning) => new()
    {
        Id = id, KommunId = "kalix", Omrade = omrade, Text = $"Krav {omrade}", Vikt = vikt, Intervjufraga = "?", Ordning = ordning,
    };

    private static Kandidat Kandidat(int id, string namn, params (string User, int Kompetens, int Poang)[] poang) => new()
    {
        Id = id, KommunId = "kalix", Fornamn = namn, Efternamn = "Test", Epost = $"{id}@example.com", SamtyckeVersion = "1", AtkomstHash = $"{id}",
        State = KandidatTillstand.Intervjuad,
        Bedomningar = poang.Select(p => new Bedomning
        {
            KommunId = "kalix", KandidatId = id, KompetensId = p.Kompetens, BedomareUserId = p.User, BedomareNamn = p.User, Poang = p.Poang,
        }).ToList(),
    };
}

/// <summary>Storing a scorecard on both databases, including the same person saving twice at the same moment.</summary>
public abstract class BedomningLagringTests<TPortal>(TPortal portal) : IClassFixture<TPortal> where TPortal : PortalFactory
{
    private readonly Testdata data = new(portal);

    [Fact]
    public async Task DubbeltInskickadBedomningGerEnRadPerKompetens()
    {
        var intervju = await data.NyIntervju().BuildAsync();
        var jury = new Actor(intervju.PanelUserId, "Oskar Marklund");
        // Two requests have loaded the candidate before either saved: the second save meets the first one's rows.
        await using var first = portal.ScopeFor("kalix", out var db1);
        await using var second = portal.ScopeFor("kalix", out var db2);
        var (k1, profil1) = await LoadAsync(first, intervju);
        var (k2, profil2) = await LoadAsync(second, intervju);

        Assert.Empty(await Bedomningar.SparaAsync(db1, k1, profil1, jury, Rader(intervju, 2)));
        Assert.Empty(await Bedomningar.SparaAsync(db2, k2, profil2, jury, Rader(intervju, 4)));

        await using var check = portal.ScopeFor("kalix", out var db);
        var stored = await db.Set<Bedomning>().Where(b => b.KandidatId == intervju.KandidatIds[0]).ToListAsync();
        Assert.Equal(intervju.KompetensIds.Order(), stored.Select(b => b.KompetensId).Order());
        Assert.All(stored, b => Assert.Equal((4, intervju.PanelUserId), (b.Poang, b.BedomareUserId)));
    }

    [Fact]
    public async Task AnnanBedomaresRaderLamnasOrorda()
    {
        var intervju = await data.NyIntervju().BuildAsync();
        await using (var scope = portal.ScopeFor("kalix", out var db))
        {
            var (k, profil) = await LoadAsync(scope, intervju);
            Assert.Empty(await Bedomningar.SparaAsync(db, k, profil, new Actor(intervju.AgareUserId, "Anders Nilsson"), Rader(intervju, 5)));
            Assert.Empty(await Bedomningar.SparaAsync(db, k, profil, new Actor(intervju.PanelUserId, "Oskar Marklund"), Rader(intervju, 1)));
            Assert.Empty(await Bedomningar.SparaAsync(db, k, profil, new Actor(intervju.PanelUserId, "Oskar Marklund"), Rader(intervju, 2)));
        }
        await using var check = portal.ScopeFor("kalix", out var db2);
        var stored = await db2.Set<Bedomning>().Where(b => b.KandidatId == intervju.KandidatIds[0]).ToListAsync();
        Assert.All(stored.Where(b => b.BedomareUserId == intervju.AgareUserId), b => Assert.Equal(5, b.Poang));
        Assert.All(stored.Where(b => b.BedomareUserId == intervju.PanelUserId), b => Assert.Equal(2, b.Poang));
        Assert.Equal(2 * intervju.KompetensIds.Count, stored.Count);
    }

    private static async Task<(Kandidat, Kravprofil)> LoadAsync(AsyncServiceScope scope, Intervju intervju)
    {
        var r = (await scope.ServiceProvider.GetRequiredService<RekryteringService>().LoadAsync(intervju.Id))!;
        return (r.Kandidater.Single(k => k.Id == intervju.KandidatIds[0]), r.GallandeKravprofil!);
    }

    private static List<Poangsattning> Rader(Intervju intervju, int poang) =>
        intervju.KompetensIds.Select(id => new Poangsattning(id, poang, $"Poäng {poang}")).ToList();
}

public sealed class BedomningLagringTestsSqlite(SqlitePortal portal) : BedomningLagringTests<SqlitePortal>(portal);

public sealed class BedomningLagringTestsPostgres(PostgresPortal portal) : BedomningLagringTests<PostgresPortal>(portal);
