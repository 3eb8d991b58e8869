using ChefsRekrytering.Arkiv;
using ChefsRekrytering.Data;
using Microsoft.EntityFrameworkCore;

namespace ChefsRekrytering.Aterkoppling;

/// <summary>
/// The feedback from below in the register extract: which rounds the person answered (while that is kept), never what
/// they answered: the answers are stored without anything that links them to anyone, so they cannot be found for a person.
/// </summary>
public sealed class AterkopplingRegisterutdrag(AppDbContext db) : IRegisterutdragBidrag
{
    public const string Forklaring = "Att du har svarat på återkopplingen till din chef sparas för att du inte ska kunna svara två gånger " +
        "och för att räkna hur många som svarat; det gallras några månader efter att omgången stängt. Vad du svarade lämnas inte ut: " +
        "svaren sparas utan något som kopplar dem till dig, så de kan inte tas fram för en person — inte av HR och inte av någon annan.";

    public async Task<IReadOnlyList<Avsnitt>> AvsnittAsync(Registerperson person, Utdragsmottagare mottagare, CancellationToken ct)
    {
        var ids = person.PersonIds;
        var ar = await db.Set<AterkopplingDeltagande>().AsNoTracking().Where(d => ids.Contains(d.PersonId))
            .Join(db.Set<Aterkopplingsomgang>(), d => d.OmgangId, o => o.Id, (d, o) => o.Ar).OrderBy(a => a).ToListAsync(ct);
        if (ar.Count == 0) return [];
        return [new("Återkoppling till chefen", Forklaring,
            ar.Select(a => new Post($"Återkoppling {a}", [new("Deltagande", $"Du svarade på omgången {a}"), new("Svaren", "Lämnas inte ut: de är inte kopplade till dig")])).ToList())];
    }
}
