using ChefsRekrytering.Kommuner;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChefsRekrytering.Documents;

internal sealed class DokumentConfiguration : IEntityTypeConfiguration<Dokument>
{
    public void Configure(EntityTypeBuilder<Dokument> b)
    {
        b.Property(d => d.KommunId).HasMaxLength(40);
        b.Property(d => d.OwnerType).HasMaxLength(40);
        b.Property(d => d.OriginalFileName).HasMaxLength(DocumentService.MaxFileNameLength);
        b.Property(d => d.StorageKey).HasMaxLength(DocumentKey.MaxLength);
        b.Property(d => d.ContentType).HasMaxLength(100);
        b.Property(d => d.Sha256).HasMaxLength(64);
        b.Property(d => d.UploadedBy).HasMaxLength(450);
        b.Ignore(d => d.DownloadName);
        b.HasIndex(d => new { d.OwnerType, d.OwnerId });
        b.HasIndex(d => d.StorageKey).IsUnique();
        b.HasOne<Kommun>().WithMany().HasForeignKey(d => d.KommunId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PendingBlobDeletionConfiguration : IEntityTypeConfiguration<PendingBlobDeletion>
{
    public void Configure(EntityTypeBuilder<PendingBlobDeletion> b)
    {
        b.Property(p => p.StorageKey).HasMaxLength(DocumentKey.MaxLength);
    }
}
