using ChefsRekrytering.Kommuner;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChefsRekrytering.Policies;

public enum Policystatus { Utkast, Publicerad }

/// <summary>
/// One version of a municipality's leadership policy. A draft is HR's to edit; once published it is the adopted document
/// that records cite by id, so it never changes again (<see cref="PolicyversionConfiguration"/> refuses the save).
/// Version 1 of each municipality is its file in content/policies.
/// </summary>
public class Policyversion : IKommunEntity, IVersioned
{
    public Guid Id { get; set; }
    public string KommunId { get; set; } = "";
    public int Nummer { get; set; }
    public Policystatus Status { get; set; }
    /// <summary>The draft as HR last saved it (<see cref="PolicyUtkast"/> as JSON); null once published.</summary>
    public string? Utkast { get; set; }
    /// <summary>The published policy in the file format of content/policies (SCHEMA.md), decision included.</summary>
    public string? Innehall { get; set; }
    /// <summary>The first day the version applies; records started before it keep the version they were built on.</summary>
    public DateOnly? GiltigFran { get; set; }
    /// <summary>HR's words on what this version changes, shown in the history.</summary>
    public string? Andringar { get; set; }
    public DateTime SkapadUtc { get; set; }
    public string SkapadAv { get; set; } = "";
    public DateTime? PubliceradUtc { get; set; }
    public string? PubliceradAv { get; set; }
    public Guid Version { get; set; }
}

internal sealed class PolicyversionConfiguration : IEntityTypeConfiguration<Policyversion>
{
    public void Configure(EntityTypeBuilder<Policyversion> b)
    {
        b.ToTable("Policyversioner");
        b.Property(p => p.KommunId).HasMaxLength(40);
        b.Property(p => p.SkapadAv).HasMaxLength(200);
        b.Property(p => p.PubliceradAv).HasMaxLength(200);
        b.Property(p => p.Andringar).HasMaxLength(2000);
        b.HasIndex(p => new { p.KommunId, p.Nummer }).IsUnique();
        b.HasOne<Kommun>().WithMany().HasForeignKey(p => p.KommunId).OnDelete(DeleteBehavior.Restrict);
    }
}
