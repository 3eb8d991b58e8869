using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChefsRekrytering.Rekryteringar;

internal sealed class RekryteringConfiguration : IEntityTypeConfiguration<Rekrytering>
{
    public void Configure(EntityTypeBuilder<Rekrytering> b)
    {
        b.Property(r => r.KommunId).HasMaxLength(40);
        b.Property(r => r.Diarienummer).HasMaxLength(40);
        b.Property(r => r.Titel).HasMaxLength(200);
        b.Property(r => r.AgareUserId).HasMaxLength(450);
        b.Property(r => r.AgareNamn).HasMaxLength(200);
        b.Property(r => r.Behovsbeskrivning).HasMaxLength(4000);
        b.Property(r => r.LasKommentar).HasMaxLength(2000);
        b.Property(r => r.LasKontrolleradAv).HasMaxLength(200);
        b.Property(r => r.BehovGodkantAv).HasMaxLength(200);
        b.Property(r => r.Annonstext).HasMaxLength(8000);
        b.Property(r => r.MblParter).HasMaxLength(1000);
        b.Property(r => r.MblUtfall).HasMaxLength(2000);
        b.Property(r => r.MblRegistreradAv).HasMaxLength(200);
        b.Property(r => r.Beslutsfattare).HasMaxLength(200);
        b.Property(r => r.BeslutMotivering).HasMaxLength(4000);
        b.Property(r => r.AvbrottsSkal).HasMaxLength(2000);
        b.Property(r => r.GallringsStoppSkal).HasMaxLength(1000);
        b.Property(r => r.GallringsStoppAv).HasMaxLength(200);
        b.Property(r => r.AnonymitetHavdAv).HasMaxLength(200);
        b.Property(r => r.AnonymitetHavdSkal).HasMaxLength(1000);
        b.Ignore(r => r.GallandeKravprofil);
        b.Ignore(r => r.Utkastprofil);
        b.HasIndex(r => new { r.KommunId, r.Diarienummer }).IsUnique();
        b.HasIndex(r => r.State);
        b.HasIndex(r => new { r.KommunId, r.State }); // the list's count of ongoing/closed recruitments, from the index alone
        b.HasOne(r => r.Enhet).WithMany().HasForeignKey(r => r.EnhetId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Kravprofiler).WithOne().HasForeignKey(k => k.RekryteringId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Kandidater).WithOne(k => k.Rekrytering).HasForeignKey(k => k.RekryteringId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Urvalsfragor).WithOne().HasForeignKey(f => f.RekryteringId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Panel).WithOne().HasForeignKey(p => p.RekryteringId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PanelMedlemConfiguration : IEntityTypeConfiguration<PanelMedlem>
{
    public void Configure(EntityTypeBuilder<PanelMedlem> b)
    {
        b.Property(p => p.KommunId).HasMaxLength(40);
        b.Property(p => p.UserId).HasMaxLength(450);
        b.Property(p => p.Namn).HasMaxLength(200);
        b.HasIndex(p => new { p.RekryteringId, p.UserId }).IsUnique();
        b.HasIndex(p => p.UserId);
    }
}

internal sealed class KravprofilConfiguration : IEntityTypeConfiguration<Kravprofil>
{
    public void Configure(EntityTypeBuilder<Kravprofil> b)
    {
        b.Property(k => k.KommunId).HasMaxLength(40);
        b.Property(k => k.FaststalldAv).HasMaxLength(200);
        b.HasIndex(k => new { k.RekryteringId, k.Version }).IsUnique();
        b.HasMany(k => k.Kompetenser).WithOne().HasForeignKey(c => c.KravprofilId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KravprofilKompetensConfiguration : IEntityTypeConfiguration<KravprofilKompetens>
{
    public void Configure(EntityTypeBuilder<KravprofilKompetens> b)
    {
        b.Property(k => k.KommunId).HasMaxLength(40);
        b.Property(k => k.PolicyKravId).HasMaxLength(80);
        b.Property(k => k.Omrade).HasMaxLength(200);
        b.Property(k => k.Text).HasMaxLength(1000);
        b.Property(k => k.Intervjufraga).HasMaxLength(1000);
    }
}

internal sealed class DiarieSerieConfiguration : IEntityTypeConfiguration<DiarieSerie>
{
    public void Configure(EntityTypeBuilder<DiarieSerie> b)
    {
        b.Property(d => d.KommunId).HasMaxLength(40);
        b.HasIndex(d => new { d.KommunId, d.Ar }).IsUnique();
    }
}

internal sealed class KandidatConfiguration : IEntityTypeConfiguration<Kandidat>
{
    public void Configure(EntityTypeBuilder<Kandidat> b)
    {
        b.Property(k => k.KommunId).HasMaxLength(40);
        b.Property(k => k.Fornamn).HasMaxLength(100);
        b.Property(k => k.Efternamn).HasMaxLength(100);
        b.Property(k => k.Epost).HasMaxLength(256);
        b.Property(k => k.Telefon).HasMaxLength(40);
        b.Property(k => k.SamtyckeVersion).HasMaxLength(40);
        b.Property(k => k.AtkomstHash).HasMaxLength(64);
        b.Property(k => k.Erbjudandevillkor).HasMaxLength(4000);
        b.Property(k => k.AvslagsskalNyckel).HasMaxLength(100);
        b.Property(k => k.AvslagsskalNamn).HasMaxLength(200);
        b.Ignore(k => k.Namn);
        b.Ignore(k => k.Visningsnamn);
        b.HasIndex(k => k.AtkomstHash).IsUnique();
        b.HasIndex(k => new { k.RekryteringId, k.Epost });
        b.HasIndex(k => new { k.RekryteringId, k.KommunId }); // the list's applicant count per row, from the index alone
        b.HasMany(k => k.Bedomningar).WithOne().HasForeignKey(x => x.KandidatId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(k => k.Urvalssvar).WithOne().HasForeignKey(x => x.KandidatId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(k => k.Referenser).WithOne().HasForeignKey(x => x.KandidatId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BedomningConfiguration : IEntityTypeConfiguration<Bedomning>
{
    public void Configure(EntityTypeBuilder<Bedomning> b)
    {
        b.Property(x => x.KommunId).HasMaxLength(40);
        b.Property(x => x.BedomareUserId).HasMaxLength(450);
        b.Property(x => x.BedomareNamn).HasMaxLength(200);
        b.Property(x => x.Kommentar).HasMaxLength(2000);
        b.HasIndex(x => new { x.KandidatId, x.KompetensId, x.BedomareUserId }).IsUnique();
        b.HasOne<KravprofilKompetens>().WithMany().HasForeignKey(x => x.KompetensId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReferensConfiguration : IEntityTypeConfiguration<Referens>
{
    public void Configure(EntityTypeBuilder<Referens> b)
    {
        b.Property(x => x.KommunId).HasMaxLength(40);
        b.Property(x => x.Namn).HasMaxLength(200);
        b.Property(x => x.Relation).HasMaxLength(200);
        b.Property(x => x.Kontakt).HasMaxLength(256);
        b.Property(x => x.Anteckningar).HasMaxLength(4000);
        b.Property(x => x.TagenAv).HasMaxLength(200);
    }
}
