using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using ChefsRekrytering.Data;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChefsRekrytering.Ledarakademin;

/// <summary>Why a manager leaves, as the exit questionnaire offers it.</summary>
public enum Avgangsorsak
{
    Pension,
    [Display(Name = "Annat uppdrag i kommunen")] AnnatUppdragIKommunen,
    [Display(Name = "Ny arbetsgivare")] NyArbetsgivare,
    [Display(Name = "Tillbaka till grundprofessionen")] Grundprofessionen,
    Arbetsbelastning,
    [Display(Name = "Stöd och förutsättningar i uppdraget")] Forutsattningar,
    [Display(Name = "Personliga skäl")] PersonligaSkal,
    [Display(Name = "Annat skäl")] Annat,
}

/// <summary>
/// The exit conversation (avgångssamtal) of a leaving manager, one per knowledge transfer (<see cref="Kompetensvaxling"/>):
/// the reason among fixed choices, three 1–5 scales and two free texts. The manager answers it themself, or HR records it
/// during the conversation (<see cref="LedarakademinAccess.KanBesvaraAvgangssamtal"/>); the närmast högre chef, whose
/// support it rates, neither sees nor writes it. It can be changed while the transfer is open, and goes with it.
/// </summary>
public class Avgangssamtal : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int KompetensvaxlingId { get; set; }
    public Avgangsorsak Orsak { get; set; }
    /// <summary>Would recommend the municipality as an employer, 1–5.</summary>
    public int Rekommenderar { get; set; }
    /// <summary>Support from the manager's own chef, 1–5.</summary>
    public int StodFranChef { get; set; }
    /// <summary>The leadership policy lived in practice, 1–5.</summary>
    public int PolicynIPraktiken { get; set; }
    public string? Fungerade { get; set; }
    public string? BorAndras { get; set; }
    public required string BesvaratAv { get; set; }
    public DateTime BesvaratUtc { get; set; }
}

/// <summary>The answers as the form posts them; the scales are checked at the field and again by the command.</summary>
public sealed record AvgangssamtalSvar(Avgangsorsak Orsak, int Rekommenderar, int StodFranChef, int PolicynIPraktiken, string? Fungerade, string? BorAndras);

/// <summary>What the track page shows of the exit conversation: the saved answers (if any) and whether the user may write.</summary>
public sealed record AvgangssamtalVy(Avgangssamtal? Svar, bool KanAndra);

internal sealed class AvgangssamtalConfiguration : IEntityTypeConfiguration<Avgangssamtal>
{
    public void Configure(EntityTypeBuilder<Avgangssamtal> b)
    {
        b.Property(a => a.KommunId).HasMaxLength(40);
        b.Property(a => a.Orsak).HasConversion<string>().HasMaxLength(40);
        b.Property(a => a.Fungerade).HasMaxLength(4000);
        b.Property(a => a.BorAndras).HasMaxLength(4000);
        b.Property(a => a.BesvaratAv).HasMaxLength(200);
        b.HasIndex(a => a.KompetensvaxlingId).IsUnique();
        // Goes with its knowledge transfer, whatever removes that.
        b.HasOne<Kompetensvaxling>().WithOne().HasForeignKey<Avgangssamtal>(a => a.KompetensvaxlingId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// The exit questionnaire's query and command. Both check <see cref="LedarakademinAccess"/>: a track the user may not see
/// does not exist for them; one they see but whose exit conversation is not theirs to read is forbidden.
/// </summary>
public sealed class AvgangssamtalService(AppDbContext db, LedarakademinService akademin)
{
    public const int TextMaxLangd = 4000;
    public const string SkalaFel = "Svara med en siffra från 1 till 5 på varje skala.";
    public const string Stangt = "Kompetensväxlingen är klar, så avgångssamtalet kan inte längre ändras.";

    /// <summary>The exit conversation of the manager's latest transfer, for its page; null when the user may not read it.</summary>
    public async Task<AvgangssamtalVy?> VisaAsync(int personId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (!LedarakademinAccess.KanBesvaraAvgangssamtal(user, personId)) return null;
        var vaxling = await Senaste(personId).AsNoTracking().FirstOrDefaultAsync(ct);
        if (vaxling is null) return null;
        var svar = await db.Set<Avgangssamtal>().AsNoTracking().FirstOrDefaultAsync(a => a.KompetensvaxlingId == vaxling.Id, ct);
        return new(svar, !vaxling.ArKlar);
    }

    /// <summary>The leaving manager (or HR in the conversation) saves the answers, while the knowledge transfer is open.</summary>
    public async Task<CommandResult> SparaAsync(int personId, AvgangssamtalSvar svar, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (await akademin.SparAsync(personId, user, ct) is null) return CommandResult.NotFound;
        if (!LedarakademinAccess.KanBesvaraAvgangssamtal(user, personId)) return CommandResult.Forbidden;
        var vaxling = await Senaste(personId).FirstOrDefaultAsync(ct);
        if (vaxling is null) return CommandResult.NotFound;
        if (vaxling.ArKlar) return CommandResult.Refused(Stangt);
        var hinder = new List<string>();
        if (!Enum.IsDefined(svar.Orsak)) hinder.Add("Välj skälet till att uppdraget avslutas.");
        if (new[] { svar.Rekommenderar, svar.StodFranChef, svar.PolicynIPraktiken }.Any(s => s is < 1 or > 5)) hinder.Add(SkalaFel);
        if (svar.Fungerade?.Length > TextMaxLangd || svar.BorAndras?.Length > TextMaxLangd) hinder.Add($"Svaren i fritext får vara högst {TextMaxLangd} tecken.");
        if (hinder.Count > 0) return CommandResult.Refused(hinder);

        var rad = await db.Set<Avgangssamtal>().FirstOrDefaultAsync(a => a.KompetensvaxlingId == vaxling.Id, ct);
        if (rad is null) db.Add(rad = new Avgangssamtal { KommunId = vaxling.KommunId, KompetensvaxlingId = vaxling.Id, BesvaratAv = "" });
        rad.Orsak = svar.Orsak;
        (rad.Rekommenderar, rad.StodFranChef, rad.PolicynIPraktiken) = (svar.Rekommenderar, svar.StodFranChef, svar.PolicynIPraktiken);
        (rad.Fungerade, rad.BorAndras) = (Text(svar.Fungerade), Text(svar.BorAndras));
        (rad.BesvaratAv, rad.BesvaratUtc) = (user.Namn(), db.UtcNow);
        await db.SaveChangesAsync(ct);
        return CommandResult.Done("Avgångssamtalet är sparat.");
    }

    private static string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private IQueryable<Kompetensvaxling> Senaste(int personId) =>
        db.Set<Kompetensvaxling>().Include(k => k.Punkter).Where(k => k.PersonId == personId).OrderByDescending(k => k.Id);
}
