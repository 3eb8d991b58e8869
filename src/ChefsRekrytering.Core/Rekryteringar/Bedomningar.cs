using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ChefsRekrytering.Data;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChefsRekrytering.Rekryteringar;

/// <summary>One row of a scorecard as the interviewer filled it in: the score (1–5) and a comment for one competence.</summary>
public sealed record Poangsattning(int KompetensId, int? Poang, [DataType(DataType.MultilineText)] string? Kommentar);

/// <summary>Why a scorecard was not saved: the competence it concerns (null: the form as a whole) and what to do, in Swedish.</summary>
public sealed record Bedomningsfel(int? KompetensId, string Meddelande);

/// <summary>
/// Structured interview scoring: every interviewer scores every competence of the fixed kravprofil 1–5, on their own
/// scorecard; the comparison matrix puts the candidates side by side.
/// </summary>
public static class Bedomningar
{
    /// <summary>As long as the column holds.</summary>
    public const int KommentarMaxLangd = 2000;

    private static readonly CultureInfo Svenska = new("sv-SE");

    /// <summary>The profile's competences in the order the guide asks them.</summary>
    public static IReadOnlyList<KravprofilKompetens> Ordnade(this Kravprofil profil) =>
        profil.Kompetenser.OrderBy(k => k.Ordning).ThenBy(k => k.Id).ToList();

    /// <summary>Null when the candidate can be scored now; otherwise why not.</summary>
    public static string? Hinder(Kandidat k) => k.State is KandidatTillstand.IntervjuBokad or KandidatTillstand.Intervjuad
        ? null
        : $"Bedömningen fylls i när kandidaten har en bokad intervju eller är intervjuad. Kandidaten är i läget ”{SwedishText.Of(k.State)}”.";

    /// <summary>A complete scorecard: a score 1–5 for every competence of the profile and nothing else.</summary>
    public static IReadOnlyList<Bedomningsfel> Validera(Kravprofil profil, IReadOnlyList<Poangsattning> rader)
    {
        // A competence the profile lacks (another recruitment's, or a stale form) means the form is not this one: refuse it whole.
        if (rader.Any(r => profil.Kompetenser.All(k => k.Id != r.KompetensId)) || rader.DistinctBy(r => r.KompetensId).Count() != rader.Count)
            return [new(null, "Formuläret stämmer inte med rekryteringens kravprofil. Ladda om sidan och fyll i bedömningen igen.")];

        var fel = new List<Bedomningsfel>();
        foreach (var (k, nummer) in profil.Ordnade().Select((k, i) => (k, i + 1)))
        {
            var rad = rader.FirstOrDefault(r => r.KompetensId == k.Id);
            if (rad?.Poang is not int poang)
                fel.Add(new(k.Id, $"Välj en poäng från 1 till 5 för kompetens {nummer} ({k.Omrade})."));
            else if (poang is < 1 or > 5)
                fel.Add(new(k.Id, $"Poängen för kompetens {nummer} ({k.Omrade}) måste vara från 1 till 5."));
            if (rad?.Kommentar?.Trim().Length > KommentarMaxLangd)
                fel.Add(new(k.Id, $"Kommentaren för kompetens {nummer} ({k.Omrade}) får ha högst {KommentarMaxLangd} tecken."));
        }
        return fel;
    }

    /// <summary>
    /// Stores the interviewer's own scorecard for the candidate: updates their rows, adds the missing ones, never touches
    /// another interviewer's. Nothing is saved when the scorecard is incomplete or the candidate cannot be scored now.
    /// </summary>
    public static async Task<IReadOnlyList<Bedomningsfel>> SparaAsync(
        AppDbContext db, Kandidat kandidat, Kravprofil profil, Actor bedomare, IReadOnlyList<Poangsattning> rader, CancellationToken ct = default)
    {
        if (Hinder(kandidat) is { } hinder) return [new(null, hinder)];
        var fel = Validera(profil, rader);
        if (fel.Count > 0) return fel;
        var userId = bedomare.UserId ?? throw new InvalidOperationException("En bedömning görs av en inloggad användare.");

        // The rows loaded with the candidate first; read again only when someone saved in between.
        var egna = kandidat.Bedomningar.Where(b => b.BedomareUserId == userId).ToList();
        for (var attempt = 1; ; attempt++)
        {
            foreach (var rad in rader)
            {
                var b = egna.FirstOrDefault(x => x.KompetensId == rad.KompetensId);
                if (b is null)
                {
                    b = new Bedomning { KommunId = kandidat.KommunId, KandidatId = kandidat.Id, KompetensId = rad.KompetensId, BedomareUserId = userId, BedomareNamn = bedomare.Namn };
                    db.Add(b);
                    egna.Add(b);
                }
                b.BedomareNamn = bedomare.Namn;
                b.Poang = rad.Poang!.Value;
                b.Kommentar = string.IsNullOrWhiteSpace(rad.Kommentar) ? null : rad.Kommentar.Trim();
                b.SparadUtc = db.UtcNow;
            }
            try
            {
                await db.SaveChangesAsync(ct);
                return [];
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // The same person saved at the same moment (a double submit) and the unique index refused our new rows:
                // forget them, read what is stored now and write over it.
                foreach (var added in db.ChangeTracker.Entries<Bedomning>().Where(e => e.State == EntityState.Added).ToList())
                {
                    added.State = EntityState.Detached;
                    kandidat.Bedomningar.Remove(added.Entity);
                }
                egna = await db.Set<Bedomning>().Where(b => b.KandidatId == kandidat.Id && b.BedomareUserId == userId).ToListAsync(ct);
            }
        }
    }

    /// <summary>
    /// The comparison matrix over loaded data: candidates with at least one score on the profile × its competences, each cell
    /// the mean score and the number of interviewers; per candidate the weighted total Σ(mean × weight) / Σ weight over
    /// the competences that have scores, and a rank by that total (equal totals share a rank).
    /// Scores on another version of the profile are left out: they answered other questions.
    /// </summary>
    public static Jamforelse Jamfor(Kravprofil profil, IEnumerable<Kandidat> kandidater)
    {
        var kompetenser = profil.Ordnade();
        var rader = kandidater
            .Select(k => (Kandidat: k, Poang: k.Bedomningar.Where(b => kompetenser.Any(c => c.Id == b.KompetensId)).ToList()))
            .Where(x => x.Poang.Count > 0)
            .Select(x =>
            {
                var celler = kompetenser.Select(c => x.Poang.Where(b => b.KompetensId == c.Id).Select(b => (decimal)b.Poang).ToList())
                    .Select(p => new Jamforelse.Cell(p.Count > 0 ? p.Average() : null, p.Count)).ToList();
                var viktade = kompetenser.Zip(celler).Where(z => z.Second.Medel is not null).ToList();
                var viktat = viktade.Sum(z => z.Second.Medel!.Value * z.First.Vikt) / viktade.Sum(z => z.First.Vikt);
                return (x.Kandidat, Celler: celler, Viktat: viktat, Bedomare: x.Poang.Select(b => b.BedomareUserId).Distinct().Count());
            })
            .ToList();
        var jamforda = rader
            // Ranked on the total as shown (one decimal), so the order never contradicts the numbers on the page.
            .Select(x => new Jamforelse.Rad(x.Kandidat, x.Celler, x.Viktat, x.Bedomare, 1 + rader.Count(o => Avrunda(o.Viktat) > Avrunda(x.Viktat))))
            .OrderBy(r => r.Rang).ThenBy(r => r.Kandidat.Namn, StringComparer.Create(Svenska, false))
            .ToList();
        return new Jamforelse(kompetenser, jamforda);
    }

    /// <summary>The panel members who have no score at all for the candidate, by name. Needs <see cref="Rekrytering.Panel"/>
    /// and the candidate's scores loaded.</summary>
    public static IReadOnlyList<PanelMedlem> UtanBedomning(Rekrytering r, Kandidat k) =>
        r.Panel.Where(p => k.Bedomningar.All(b => b.BedomareUserId != p.UserId)).OrderBy(p => p.Namn, StringComparer.Create(Svenska, false)).ToList();

    public static decimal Avrunda(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    /// <summary>"3,5" with one decimal as in Swedish; "–" for no value.</summary>
    public static string Format(decimal? value) => value is decimal v ? Avrunda(v).ToString("0.0", Svenska) : "–";
}

/// <summary>Candidates × competences: what <see cref="Bedomningar.Jamfor"/> computes.</summary>
public sealed record Jamforelse(IReadOnlyList<KravprofilKompetens> Kompetenser, IReadOnlyList<Jamforelse.Rad> Rader)
{
    /// <summary>The mean score of one competence for one candidate and how many interviewers scored it.</summary>
    public sealed record Cell(decimal? Medel, int Antal);

    /// <summary>One candidate: a cell per competence (in the profile's order), the weighted total, interviewers, rank.</summary>
    public sealed record Rad(Kandidat Kandidat, IReadOnlyList<Cell> Celler, decimal Viktat, int Bedomare, int Rang);
}

/// <summary>The one reminder a panel member gets when their score for a candidate is missing some days after the interview
/// (<see cref="BedomningPaminnelser"/>): its row makes a rerun send nothing.</summary>
public class Bedomningspaminnelse : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int KandidatId { get; set; }
    public required string BedomareUserId { get; set; }
    public DateTime SkickadUtc { get; set; }
}

internal sealed class BedomningspaminnelseConfiguration : IEntityTypeConfiguration<Bedomningspaminnelse>
{
    public void Configure(EntityTypeBuilder<Bedomningspaminnelse> b)
    {
        b.Property(x => x.KommunId).HasMaxLength(40);
        b.Property(x => x.BedomareUserId).HasMaxLength(450);
        b.HasIndex(x => new { x.KandidatId, x.BedomareUserId }).IsUnique();
        b.HasOne<Kandidat>().WithMany().HasForeignKey(x => x.KandidatId).OnDelete(DeleteBehavior.Cascade);
    }
}
