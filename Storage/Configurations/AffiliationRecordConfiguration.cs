using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Radar.Storage.Entities;

namespace Radar.Storage.Configurations;

internal sealed class AffiliationRecordConfiguration : IEntityTypeConfiguration<AffiliationRecord>
{
    public void Configure(EntityTypeBuilder<AffiliationRecord> builder)
    {
        builder.ToTable("affiliations");
        builder.HasIndex(a => a.PersonId);

        // A story reports a step of a person's path once, whatever restarts happen.
        builder.HasIndex(a => new { a.PersonId, a.OrgName, a.StoryId }).IsUnique();
        builder.HasOne<KnowledgeEntityRecord>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StoryRecord>().WithMany().HasForeignKey(a => a.StoryId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(a => a.PersonId).HasMaxLength(200);
        builder.Property(a => a.OrgName).HasMaxLength(300);
        builder.Property(a => a.OrgId).HasMaxLength(200);
        builder.Property(a => a.Role).HasMaxLength(300);
        builder.Property(a => a.From).HasMaxLength(32);
        builder.Property(a => a.To).HasMaxLength(32);
        builder.Property(a => a.Source).HasMaxLength(2048);
    }
}
