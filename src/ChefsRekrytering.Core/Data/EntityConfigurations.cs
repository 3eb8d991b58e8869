using ChefsRekrytering.Kommuner;
using ChefsRekrytering.Konton;
using ChefsRekrytering.Organisation;
using ChefsRekrytering.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChefsRekrytering.Data;

internal sealed class KommunConfiguration : IEntityTypeConfiguration<Kommun>
{
    public void Configure(EntityTypeBuilder<Kommun> b)
    {
        b.Property(k => k.Id).HasMaxLength(40);
        b.Property(k => k.Namn).HasMaxLength(100);
        b.Property(k => k.Organisationsnummer).HasMaxLength(10);
        b.HasIndex(k => k.Organisationsnummer).IsUnique();
    }
}

internal sealed class EnhetConfiguration : IEntityTypeConfiguration<Enhet>
{
    public void Configure(EntityTypeBuilder<Enhet> b)
    {
        b.Property(e => e.KommunId).HasMaxLength(40);
        b.Property(e => e.Namn).HasMaxLength(200);
        b.Property(e => e.Kod).HasMaxLength(40);
        b.HasIndex(e => new { e.KommunId, e.Kod }).IsUnique();
        b.HasOne<Kommun>().WithMany().HasForeignKey(e => e.KommunId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.Overordnad).WithMany().HasForeignKey(e => e.OverordnadId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.Chef).WithMany().HasForeignKey(e => e.ChefId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.Property(p => p.KommunId).HasMaxLength(40);
        b.Property(p => p.Fornamn).HasMaxLength(100);
        b.Property(p => p.Efternamn).HasMaxLength(100);
        b.Property(p => p.Epost).HasMaxLength(256);
        b.Property(p => p.Telefon).HasMaxLength(40);
        b.Property(p => p.Titel).HasMaxLength(200);
        b.Ignore(p => p.Namn);
        b.Property(p => p.Anstallningsnummer).HasMaxLength(40);
        b.HasIndex(p => new { p.KommunId, p.Epost }).IsUnique();
        b.HasIndex(p => new { p.KommunId, p.Anstallningsnummer }).IsUnique();
        b.HasOne<Kommun>().WithMany().HasForeignKey(p => p.KommunId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.Enhet).WithMany().HasForeignKey(p => p.EnhetId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> b)
    {
        b.Property(u => u.KommunId).HasMaxLength(40);
        b.Property(u => u.Namn).HasMaxLength(200);
        b.HasIndex(u => u.KommunId);
        b.HasOne<Kommun>().WithMany().HasForeignKey(u => u.KommunId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Person>().WithMany().HasForeignKey(u => u.PersonId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class WorkflowTransitionConfiguration : IEntityTypeConfiguration<WorkflowTransition>
{
    public void Configure(EntityTypeBuilder<WorkflowTransition> b)
    {
        b.Property(t => t.KommunId).HasMaxLength(40);
        b.Property(t => t.Workflow).HasMaxLength(40);
        b.Property(t => t.FromState).HasMaxLength(40);
        b.Property(t => t.ToState).HasMaxLength(40);
        b.Property(t => t.Trigger).HasMaxLength(40);
        b.Property(t => t.ActorUserId).HasMaxLength(450);
        b.Property(t => t.ActorName).HasMaxLength(200);
        b.Property(t => t.Comment).HasMaxLength(4000);
        b.HasIndex(t => new { t.Workflow, t.SubjectId, t.AtUtc });
    }
}
