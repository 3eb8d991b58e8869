using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Ledarskap;
using ChefsRekrytering.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChefsRekrytering.Chefsforsorjning;

/// <summary>
/// An employee's interest in a manager's role (chefsförsörjning, the internal pool): their consent, what kind of role
/// interests them, and a self-assessment against the policy's requirements on the policy's own scale (<see cref="Betyg"/>).
/// One per person; withdrawn means deleted, with its rows, recommendation and invitations. Kept
/// <see cref="ChefsforsorjningOptions.GallringManader"/> months from <see cref="AndradUtc"/>, the last change or consent.
/// </summary>
public class Intresseanmalan : IKommunEntity
{
    public const int IntresseMaxLangd = 1000;
    public const int MotiveringMaxLangd = 1000;

    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    /// <summary>The version of <see cref="Samtyckestext"/> the person agreed to, and when (the last save).</summary>
    public required string SamtyckeVersion { get; set; }
    public DateTime SamtyckeUtc { get; set; }
    /// <summary>Which kind of role or verksamhet interests the person, in their own words.</summary>
    public required string Intresse { get; set; }
    public Guid? PolicyversionId { get; set; }
    public DateTime SkapadUtc { get; set; }
    /// <summary>The last change or consent: where the retention time is counted from.</summary>
    public DateTime AndradUtc { get; set; }
    public List<IntresseSkattning> Skattningar { get; set; } = [];

    /// <summary>The chef's recommendation (rekommendation), with a short motivation; null when none.</summary>
    public int? RekommenderadAvPersonId { get; set; }
    public string? RekommenderadAv { get; set; }
    public string? Rekommendation { get; set; }
    public DateTime? RekommenderadUtc { get; set; }

    public List<Poolinbjudan> Inbjudningar { get; set; } = [];

    public bool ArRekommenderad => RekommenderadUtc is not null;

    public IEnumerable<IntresseSkattning> Ordnade => Skattningar.OrderBy(s => s.Ordning);

    /// <summary>"Väl 5, Föredöme 2, inte skattat 1": how the person rated themself, counted per step of the scale.</summary>
    public string Sammanfattning => Skattningar.Count == 0 ? "Ingen självskattning"
        : string.Join(", ", Enum.GetValues<Betyg>().Reverse().Select(b => (b, n: Skattningar.Count(s => s.Betyg == b))).Where(x => x.n > 0)
            .Select(x => $"{Workflows.SwedishText.Of(x.b)} {x.n}")
            .Concat(Skattningar.Count(s => s.Betyg is null) is > 0 and var o ? [$"inte skattat {o}"] : []));
}

/// <summary>One policy requirement as its text was when the person assessed it, with their rating.</summary>
public class IntresseSkattning : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int IntresseanmalanId { get; set; }
    public required string KravId { get; set; }
    public required string Omrade { get; set; }
    public required string Text { get; set; }
    public int Ordning { get; set; }
    public Betyg? Betyg { get; set; }
}

/// <summary>HR's invitation of a pool member to apply to an open recruitment: who, which, when; sent once.</summary>
public class Poolinbjudan : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int IntresseanmalanId { get; set; }
    public int RekryteringId { get; set; }
    public required string Tjanst { get; set; }
    public DateTime SkickadUtc { get; set; }
    public required string SkickadAv { get; set; }
}

internal sealed class IntresseanmalanConfiguration : IEntityTypeConfiguration<Intresseanmalan>
{
    public void Configure(EntityTypeBuilder<Intresseanmalan> b)
    {
        b.ToTable("Intresseanmalningar");
        b.Property(a => a.KommunId).HasMaxLength(40);
        b.Property(a => a.SamtyckeVersion).HasMaxLength(40);
        b.Property(a => a.Intresse).HasMaxLength(Intresseanmalan.IntresseMaxLangd);
        b.Property(a => a.RekommenderadAv).HasMaxLength(200);
        b.Property(a => a.Rekommendation).HasMaxLength(Intresseanmalan.MotiveringMaxLangd);
        b.Ignore(a => a.ArRekommenderad);
        b.Ignore(a => a.Ordnade);
        b.Ignore(a => a.Sammanfattning);
        b.HasIndex(a => a.PersonId).IsUnique();
        b.HasIndex(a => a.AndradUtc);
        b.HasOne(a => a.Person).WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(a => a.RekommenderadAvPersonId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(a => a.Skattningar).WithOne().HasForeignKey(s => s.IntresseanmalanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Inbjudningar).WithOne().HasForeignKey(i => i.IntresseanmalanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IntresseSkattningConfiguration : IEntityTypeConfiguration<IntresseSkattning>
{
    public void Configure(EntityTypeBuilder<IntresseSkattning> b)
    {
        b.ToTable("IntresseSkattningar");
        b.Property(s => s.KommunId).HasMaxLength(40);
        b.Property(s => s.KravId).HasMaxLength(120);
        b.Property(s => s.Omrade).HasMaxLength(300);
        b.Property(s => s.Text).HasMaxLength(2000);
        b.HasIndex(s => new { s.IntresseanmalanId, s.KravId }).IsUnique();
    }
}

internal sealed class PoolinbjudanConfiguration : IEntityTypeConfiguration<Poolinbjudan>
{
    public void Configure(EntityTypeBuilder<Poolinbjudan> b)
    {
        b.ToTable("Poolinbjudningar");
        b.Property(i => i.KommunId).HasMaxLength(40);
        b.Property(i => i.Tjanst).HasMaxLength(300);
        b.Property(i => i.SkickadAv).HasMaxLength(200);
        // Sent once per person and recruitment: a second click, or a second HR person at once, sends nothing more.
        b.HasIndex(i => new { i.IntresseanmalanId, i.RekryteringId }).IsUnique();
        b.HasOne<Rekryteringar.Rekrytering>().WithMany().HasForeignKey(i => i.RekryteringId).OnDelete(DeleteBehavior.Cascade);
    }
}
