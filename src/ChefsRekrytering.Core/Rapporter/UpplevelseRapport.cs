using ChefsRekrytering.Data;
using ChefsRekrytering.Ledarakademin;
using ChefsRekrytering.Rekryteringar;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Rapporter;

/// <summary>
/// What leaving managers and applicants said, in /rapporter for the period (the municipality is the request's): the exit
/// conversations (<see cref="Avgangssamtal"/>) counted, averaged per scale and per reason, and their free text only once
/// at least <see cref="MinstaFritext"/> have answered, listed without names or dates; and the applicants' experience of the
/// recruitment (<see cref="Kandidatupplevelse"/>) per outcome kind. Two queries.
/// </summary>
public sealed class UpplevelseRapport(AppDbContext db) : IRapportBidrag
{
    /// <summary>Fewer answers than this and a free text would point at its writer.</summary>
    public const int MinstaFritext = 5;

    public async Task<IReadOnlyList<Rapporttabell>> TabellerAsync(Rapportperiod period, CancellationToken ct)
    {
        var (fran, till) = (period.FranUtc, period.TillUtc);
        var samtal = await db.Set<Avgangssamtal>().AsNoTracking().Where(a => a.BesvaratUtc >= fran && a.BesvaratUtc < till)
            .Select(a => new { a.Orsak, a.Rekommenderar, a.StodFranChef, a.PolicynIPraktiken, a.Fungerade, a.BorAndras }).ToListAsync(ct);
        var svar = await db.Set<Kandidatupplevelse>().AsNoTracking().Where(u => u.Datum >= period.Fran && u.Datum <= period.Till)
            .Select(u => new { u.Utfall, u.Betyg }).ToListAsync(ct);

        static decimal? Medel(IEnumerable<int> v) => v.Any() ? Math.Round((decimal)v.Average(), 1) : null;

        List<Rapporttabell> tabeller =
        [
            new("avgangssamtal", "Avgångssamtal",
                $"Avgångssamtal besvarade {period.Text}: antal, medelvärde per fråga (1–5) och skälen till att uppdraget avslutades. " +
                $"Svaren i fritext visas först när minst {MinstaFritext} har svarat, och då utan namn.",
                ["Fråga", "Värde"],
                [
                    ["Besvarade avgångssamtal", samtal.Count],
                    ["Medel: skulle rekommendera kommunen som arbetsgivare", Medel(samtal.Select(s => s.Rekommenderar))],
                    ["Medel: stöd från närmaste chef", Medel(samtal.Select(s => s.StodFranChef))],
                    ["Medel: ledarpolicyn i praktiken", Medel(samtal.Select(s => s.PolicynIPraktiken))],
                    .. Enum.GetValues<Avgangsorsak>().Select(o => (IReadOnlyList<object?>)[$"Skäl: {SwedishText.Of(o)}", samtal.Count(s => s.Orsak == o)]),
                ]),
        ];
        if (samtal.Count >= MinstaFritext)
            tabeller.Add(new("avgangssamtal-fritext", "Avgångssamtal: svar i fritext",
                $"Vad som fungerade och vad som borde ändras, från de {samtal.Count} avgångssamtalen {period.Text}, i bokstavsordning utan namn.",
                ["Fråga", "Svar"],
                [
                    .. samtal.Where(s => s.Fungerade is not null).Select(s => s.Fungerade!).Order(StringComparer.Ordinal)
                        .Select(t => (IReadOnlyList<object?>)["Det här fungerade bra", t]),
                    .. samtal.Where(s => s.BorAndras is not null).Select(s => s.BorAndras!).Order(StringComparer.Ordinal)
                        .Select(t => (IReadOnlyList<object?>)["Det här borde ändras", t]),
                ]));

        IReadOnlyList<object?> Rad(string namn, IEnumerable<int> betyg)
        {
            var b = betyg.ToList();
            return [namn, b.Count, Medel(b), .. Enumerable.Range(1, 5).Select(v => (object?)b.Count(x => x == v))];
        }
        tabeller.Add(new("kandidatupplevelse", "Sökandes upplevelse av rekryteringen",
            $"Svaren på frågan \"Hur upplevde du rekryteringen?\" (1–5) {period.Text}, efter det besked den sökande fick. " +
            "Svaren sparas utan den sökande, så ingen rad pekar ut någon.",
            ["Utfall", "Svar", "Medelbetyg", "1", "2", "3", "4", "5"],
            [
                .. Enum.GetValues<Utfallsslag>().Select(u => Rad(SwedishText.Of(u), svar.Where(s => s.Utfall == u).Select(s => s.Betyg))),
                Rad("Alla", svar.Select(s => s.Betyg)),
            ],
            new Diagramval(0, [1], "svar")));
        return tabeller;
    }
}
