using ChefsRekrytering.Kommuner;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChefsRekrytering.Rekryteringar;

/// <summary>
/// A time the recruiting manager offers for interviews in one recruitment: a day, a start, a length and a place. An
/// invited candidate takes a free one on their own page (<see cref="Intervjutider"/>). A time is taken once: the booking
/// saves the time with the version it was read at (<see cref="IVersioned"/>, a concurrency token), so of two candidates
/// taking it in the same instant only the first save succeeds.
/// </summary>
public class Intervjutid : IKommunEntity, IVersioned
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int RekryteringId { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime SlutUtc { get; set; }
    public required string Plats { get; set; }
    /// <summary>The candidate who booked it, or null while it is free.</summary>
    public int? KandidatId { get; set; }
    public DateTime? BokadUtc { get; set; }
    public Guid Version { get; set; }

    public bool ArLedig => KandidatId is null;
}

/// <summary>
/// The recruiting manager's invitation of one candidate to book a time: its own private link (the candidate's page, like
/// the link in the confirmation mail), of which only the SHA-256 is stored. A new invitation replaces the link of the
/// earlier one; the confirmation mail's link keeps working.
/// </summary>
public class Intervjuinbjudan : IKommunEntity
{
    public int Id { get; set; }
    public required string KommunId { get; set; }
    public int KandidatId { get; set; }
    public required string AtkomstHash { get; set; }
    public DateTime InbjudenUtc { get; set; }
    public required string InbjudenAv { get; set; }
}

internal sealed class IntervjutidConfiguration : IEntityTypeConfiguration<Intervjutid>
{
    public void Configure(EntityTypeBuilder<Intervjutid> b)
    {
        b.Property(t => t.KommunId).HasMaxLength(40);
        b.Property(t => t.Plats).HasMaxLength(300);
        b.Ignore(t => t.ArLedig);
        b.HasOne<Rekrytering>().WithMany().HasForeignKey(t => t.RekryteringId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Kandidat>().WithMany().HasForeignKey(t => t.KandidatId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(t => new { t.RekryteringId, t.StartUtc });
    }
}

internal sealed class IntervjuinbjudanConfiguration : IEntityTypeConfiguration<Intervjuinbjudan>
{
    public void Configure(EntityTypeBuilder<Intervjuinbjudan> b)
    {
        b.Property(i => i.KommunId).HasMaxLength(40);
        b.Property(i => i.AtkomstHash).HasMaxLength(64);
        b.Property(i => i.InbjudenAv).HasMaxLength(200);
        b.HasIndex(i => i.AtkomstHash).IsUnique();
        b.HasIndex(i => i.KandidatId).IsUnique(); // one live invitation per candidate: a new one replaces the link
        b.HasOne<Kandidat>().WithMany().HasForeignKey(i => i.KandidatId).OnDelete(DeleteBehavior.Cascade);
    }
}
