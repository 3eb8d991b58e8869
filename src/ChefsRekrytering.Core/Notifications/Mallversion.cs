using System.Globalization;
using System.Security.Claims;
using ChefsRekrytering.Data;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChefsRekrytering.Notifications;

/// <summary>
/// One saved version of a municipality's template, never changed once written. Number 1 is the file that ships with the
/// portal (content/templates/…), so stored rows start at 2; a new version is the highest number plus one, and the unique
/// (KommunId, Nyckel, Nummer) makes two saves based on the same version collide instead of both winning. Generic: a mail
/// uses Amne, Rubrik and Innehall; another kind of template (a checklist in YAML) may store only Innehall under its key.
/// </summary>
public sealed class Mallversion : IKommunEntity, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string KommunId { get; set; } = "";
    public string Nyckel { get; set; } = "";
    public int Nummer { get; set; }
    public string? Amne { get; set; }
    public string? Rubrik { get; set; }
    public string Innehall { get; set; } = "";
    /// <summary>The name the template goes by, for templates HR names (a refusal reason); null for the catalogue's mails.</summary>
    public string? Namn { get; set; }
    /// <summary>The version this one restores, when it is a restore.</summary>
    public int? AterstallerNummer { get; set; }
    public DateTime SkapadUtc { get; set; }
    public string SkapadAvUserId { get; set; } = "";
    public string SkapadAvNamn { get; set; } = "";
    public Guid Version { get; set; }
}

/// <summary>The one way a template's next version is stored, for mails, refusal reasons and checklists alike.</summary>
public static class Mallversioner
{
    public const string AndradAvNagonAnnan = "Mallen har ändrats av någon annan sedan du öppnade den. Öppna den igen och gör din ändring på nytt.";

    /// <summary>
    /// Stores <paramref name="rad"/> as the next version of <paramref name="nyckel"/> in the user's municipality, based on
    /// the version the form was opened with: if another has been saved since, it is refused rather than silently
    /// overwriting that one, and two saves racing from the same version collide on the unique (kommun, nyckel, nummer).
    /// Anything else the caller added joins the same save. <paramref name="klart"/> gets the new number as {0}.
    /// </summary>
    public static async Task<CommandResult> SparaNastaAsync(AppDbContext db, string nyckel, int baseradPa, Mallversion rad, ClaimsPrincipal user,
        string klart, CancellationToken ct)
    {
        var aktuell = await db.Set<Mallversion>().Where(m => m.Nyckel == nyckel).MaxAsync(m => (int?)m.Nummer, ct) ?? 1;
        if (baseradPa != aktuell)
        {
            db.ChangeTracker.Clear();
            return CommandResult.Conflict(AndradAvNagonAnnan);
        }
        (rad.KommunId, rad.Nyckel, rad.Nummer) = (user.KommunId()!, nyckel, aktuell + 1);
        (rad.SkapadUtc, rad.SkapadAvUserId, rad.SkapadAvNamn) = (db.UtcNow, user.UserId() ?? "", user.Namn());
        db.Add(rad);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return CommandResult.Conflict(AndradAvNagonAnnan);
        }
        return CommandResult.Done(string.Format(CultureInfo.InvariantCulture, klart, rad.Nummer));
    }
}

public sealed class MallversionConfiguration : IEntityTypeConfiguration<Mallversion>
{
    public void Configure(EntityTypeBuilder<Mallversion> b)
    {
        b.Property(m => m.KommunId).HasMaxLength(40);
        b.Property(m => m.Nyckel).HasMaxLength(100);
        b.Property(m => m.Amne).HasMaxLength(500);
        b.Property(m => m.Rubrik).HasMaxLength(500);
        b.Property(m => m.Namn).HasMaxLength(200);
        b.Property(m => m.Innehall).HasMaxLength(Mejlmotor.MaxLangd);
        b.Property(m => m.SkapadAvUserId).HasMaxLength(450);
        b.Property(m => m.SkapadAvNamn).HasMaxLength(200);
        b.HasIndex(m => new { m.KommunId, m.Nyckel, m.Nummer }).IsUnique();
    }
}
