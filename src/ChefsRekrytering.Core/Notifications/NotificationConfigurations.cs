using ChefsRekrytering.Calendar;
using ChefsRekrytering.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChefsRekrytering.Notifications;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.Property(m => m.KommunId).HasMaxLength(40);
        b.Property(m => m.ToAddress).HasMaxLength(256);
        b.Property(m => m.ToName).HasMaxLength(200);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.Topic).HasMaxLength(120);
        b.Property(m => m.LastError).HasMaxLength(500);
        b.Property(m => m.DeliveredAs).HasMaxLength(300);
        b.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.OutboxMessageId).OnDelete(DeleteBehavior.Cascade);
        // The admin page and the backlog's age read by status.
        b.HasIndex(m => new { m.Status, m.DueUtc });
        // The dispatcher's claim: the pending rows alone, in order, so a claim reads its batch and not the whole backlog.
        b.HasIndex(m => new { m.DueUtc, m.Id }, "IX_OutboxMessage_Vantande").HasFilter(WorkQueue.PendingIndexFilter);
        // Room on each page for a row's next version: the claim (lease columns, no index) is then a HOT update in place,
        // which cut PostgreSQL's work per mail by a third when 20,000 went out (README, Benchmarks). SQLite ignores it.
        b.HasStorageParameter("fillfactor", 70);
        b.HasIndex(m => m.Topic);
    }
}

internal sealed class OutboxAttachmentConfiguration : IEntityTypeConfiguration<OutboxAttachment>
{
    public void Configure(EntityTypeBuilder<OutboxAttachment> b)
    {
        b.Property(a => a.FileName).HasMaxLength(200);
        b.Property(a => a.ContentType).HasMaxLength(200);
    }
}

internal sealed class ScheduledJobConfiguration : IEntityTypeConfiguration<ScheduledJob>
{
    public void Configure(EntityTypeBuilder<ScheduledJob> b)
    {
        b.Property(j => j.KommunId).HasMaxLength(40);
        b.Property(j => j.JobType).HasMaxLength(80);
        b.Property(j => j.Data).HasMaxLength(2000);
        b.Property(j => j.LastError).HasMaxLength(500);
        b.HasIndex(j => new { j.Status, j.DueUtc });
        b.HasIndex(j => new { j.DueUtc, j.Id }, "IX_ScheduledJob_Vantande").HasFilter(WorkQueue.PendingIndexFilter);
        b.HasIndex(j => new { j.JobType, j.SubjectId });
    }
}

internal sealed class MoteConfiguration : IEntityTypeConfiguration<Mote>
{
    public void Configure(EntityTypeBuilder<Mote> b)
    {
        b.Property(m => m.KommunId).HasMaxLength(40);
        b.Property(m => m.Uid).HasMaxLength(100);
        b.Property(m => m.Rubrik).HasMaxLength(200);
        b.Property(m => m.Beskrivning).HasMaxLength(4000);
        b.Property(m => m.Plats).HasMaxLength(300);
        b.Property(m => m.ArrangorNamn).HasMaxLength(200);
        b.Property(m => m.ArrangorEpost).HasMaxLength(256);
        b.Property(m => m.Koppling).HasMaxLength(80);
        b.HasIndex(m => m.Uid).IsUnique();
        b.HasIndex(m => m.Koppling);
        b.HasMany(m => m.Deltagare).WithOne().HasForeignKey(d => d.MoteId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MotesDeltagareConfiguration : IEntityTypeConfiguration<MotesDeltagare>
{
    public void Configure(EntityTypeBuilder<MotesDeltagare> b)
    {
        b.Property(d => d.Namn).HasMaxLength(200);
        b.Property(d => d.Epost).HasMaxLength(256);
    }
}
