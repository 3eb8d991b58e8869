using ChefsRekrytering.Arkiv;
using ChefsRekrytering.Calendar;
using ChefsRekrytering.Data;
using ChefsRekrytering.Rapporter;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.AretsChef;

/// <summary>
/// Årets chef in /rapporter: per campaign year in the period, how many nominated and how large a share of the
/// employees that is. Counts only, never who nominated whom. Three queries however many campaigns.
/// </summary>
public sealed class AretsChefRapport(AppDbContext db, Microsoft.Extensions.Options.IOptions<AretsChefOptions> options) : IRapportBidrag
{
    public async Task<IReadOnlyList<Rapporttabell>> TabellerAsync(Rapportperiod period, CancellationToken ct)
    {
        var (fran, till) = (period.Fran.Year, period.Till.Year);
        var kampanjer = await db.Set<Kampanj>().AsNoTracking().Where(k => k.Ar >= fran && k.Ar <= till).OrderBy(k => k.Ar)
            .Select(k => new { k.Id, k.Ar, k.State }).ToListAsync(ct);
        var ids = kampanjer.Select(k => k.Id).ToList();
        var nomineringar = await db.Set<Nominering>().AsNoTracking().Where(n => ids.Contains(n.KampanjId)).GroupBy(n => n.KampanjId)
            .Select(g => new { KampanjId = g.Key, Antal = g.Count(), Nominerade = g.Select(n => n.ChefPersonId).Distinct().Count() })
            .ToDictionaryAsync(x => x.KampanjId, ct);
        // Each year against the employees it invited (and any who nominated without an invitation, hired after it), as
        // HR's statistics count it: a closed year's share stays what it was.
        var inbjudna = await db.Set<Inbjuden>().AsNoTracking().Where(i => ids.Contains(i.KampanjId)).GroupBy(i => i.KampanjId)
            .Select(g => new { KampanjId = g.Key, Antal = g.Count() }).ToDictionaryAsync(x => x.KampanjId, x => x.Antal, ct);
        var utanInbjudan = await db.Set<Nominering>().AsNoTracking()
            .Where(n => ids.Contains(n.KampanjId) && !db.Set<Inbjuden>().Any(i => i.KampanjId == n.KampanjId && i.PersonId == n.NominatorPersonId))
            .GroupBy(n => n.KampanjId).Select(g => new { KampanjId = g.Key, Antal = g.Count() }).ToDictionaryAsync(x => x.KampanjId, x => x.Antal, ct);
        int Anstallda(int kampanj) => inbjudna.GetValueOrDefault(kampanj) + utanInbjudan.GetValueOrDefault(kampanj);
        return
        [
            new("arets-chef", "Årets chef: deltagande",
                $"Nomineringar till Årets chef för åren {period.Text}: hur många som nominerade (var och en nominerar en gång " +
                "per år) och hur stor andel det är av de anställda som bjöds in när nomineringen öppnade (alla med e-postadress). " +
                "Bara antal, aldrig vem som nominerade vem.",
                ["År", "Läge", "Nomineringar", "Nominerade chefer", "Andel som nominerade (%)"],
                kampanjer.Select(k =>
                {
                    var n = nomineringar.GetValueOrDefault(k.Id);
                    var anstallda = Anstallda(k.Id);
                    // Fewer than the smallest group the statistics show: the share would say who took part.
                    return (IReadOnlyList<object?>)[k.Ar.ToString(), SwedishText.Of(k.State), n?.Antal ?? 0, n?.Nominerade ?? 0,
                        anstallda < options.Value.MinstaGrupp ? null : Math.Round(100m * (n?.Antal ?? 0) / anstallda, 1)];
                }).ToList(),
                new Diagramval(0, [2], "nomineringar")),
        ];
    }
}

/// <summary>
/// Årets chef in the register extract: the nominations the person made, in full (they are the person's own words), only
/// to the person themself; HR, who may be a nominee, is told they exist and where the person gets them. Of the
/// nominations of the person only how many, and whether the jury shortlisted or chose them: who nominated, and what
/// they wrote, is the nominators' and is never shown to the nominee.
/// </summary>
public sealed class AretsChefRegisterutdrag(AppDbContext db) : IRegisterutdragBidrag
{
    public async Task<IReadOnlyList<Avsnitt>> AvsnittAsync(Registerperson person, Utdragsmottagare mottagare, CancellationToken ct)
    {
        var ids = person.PersonIds;
        var kampanjer = await db.Set<Kampanj>().AsNoTracking().Include(k => k.Kortlista).ToDictionaryAsync(k => k.Id, ct);
        var gjorda = mottagare == Utdragsmottagare.Personen
            ? await db.Set<Nominering>().AsNoTracking().Include(n => n.Chef).Where(n => ids.Contains(n.NominatorPersonId)).OrderBy(n => n.SkapadUtc).ToListAsync(ct)
            : [];

        var mottagna = await db.Set<Nominering>().AsNoTracking().Where(n => ids.Contains(n.ChefPersonId))
            .GroupBy(n => n.KampanjId).Select(g => new { KampanjId = g.Key, Antal = g.Count() }).ToListAsync(ct);
        var avsnitt = new List<Avsnitt>();
        // Said for every employee, whether or not they nominated: even that they did is not HR's to know.
        if (mottagare == Utdragsmottagare.HR && ids.Count > 0)
            avsnitt.Add(new("Årets chef: nomineringar som personen har gjort", "Om personen har nominerat någon till Årets chef, vem och med " +
                "vilken motivering, lämnas bara ut till personen själv: inloggad under Mina uppgifter i portalen. Så kan ingen annan, inte heller " +
                "HR, ta reda på vem som nominerat vem.",
                [new Post("Lämnas bara till personen själv", [new("Var", "Mina uppgifter (/mina-uppgifter), efter inloggning")])]));
        if (gjorda.Count > 0)
            avsnitt.Add(new("Årets chef: dina nomineringar", "Nomineringar som du har gjort, med dina motiveringar.",
                gjorda.Select(n => new Post($"Årets chef {Ar(kampanjer, n.KampanjId)}", [
                    new("Nominerad chef", n.Chef is { } c ? $"{c.Fornamn} {c.Efternamn}" : null),
                    new("Nominerad", Tid(n.SkapadUtc)), new("Senast ändrad", Tid(n.AndradUtc)),
                    .. n.Motiveringar.Select(m => new Uppgift(m.Rubrik, m.Text)),
                ])).ToList()));
        if (mottagna.Count > 0)
            avsnitt.Add(new("Årets chef: nomineringar av dig", "Hur många gånger du har nominerats. Vem som nominerade och vad de skrev " +
                "lämnas inte ut till den nominerade, för att skydda dem som nominerar.",
                mottagna.OrderBy(m => Ar(kampanjer, m.KampanjId)).Select(m =>
                {
                    var k = kampanjer.GetValueOrDefault(m.KampanjId);
                    return new Post($"Årets chef {Ar(kampanjer, m.KampanjId)}", [
                        new("Antal nomineringar", m.Antal.ToString()),
                        new("Kortlistad av juryn", k is not null && ids.Any(k.ArKortlistad) ? "Ja" : "Nej"),
                        new("Utsedd till Årets chef", k?.VinnarePersonId is int v && ids.Contains(v) ? "Ja" : "Nej"),
                    ]);
                }).ToList()));
        return avsnitt;
    }

    private static string Ar(Dictionary<int, Kampanj> kampanjer, int id) => kampanjer.GetValueOrDefault(id)?.Ar.ToString() ?? "";

    private static string? Tid(DateTime? utc) => utc is { } u ? SwedishTime.ToLocal(u).ToString("yyyy-MM-dd HH:mm") : null;
}
