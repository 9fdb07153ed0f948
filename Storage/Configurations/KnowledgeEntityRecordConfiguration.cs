using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Radar.Storage.Entities;

namespace Radar.Storage.Configurations;

internal sealed class KnowledgeEntityRecordConfiguration : IEntityTypeConfiguration<KnowledgeEntityRecord>
{
    public void Configure(EntityTypeBuilder<KnowledgeEntityRecord> builder)
    {
        builder.ToTable("knowledge_entities");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(200);
        builder.Property(e => e.Kind).HasMaxLength(16);
        builder.Property(e => e.Name).HasMaxLength(300);
        builder.Property(e => e.Aliases).HasMaxLength(4000);
        builder.Property(e => e.ArabicNames).HasMaxLength(2000);
        builder.Property(e => e.UnitOfId).HasMaxLength(200);
        builder.Property(e => e.OwnedById).HasMaxLength(200);
        builder.Property(e => e.MakerId).HasMaxLength(200);
        builder.Property(e => e.Released).HasMaxLength(32);
        builder.Property(e => e.Status).HasMaxLength(500);
        builder.Property(e => e.Founded).HasMaxLength(100);
        builder.Property(e => e.Founders).HasMaxLength(1000);
        builder.Property(e => e.Notes).HasMaxLength(2000);
        builder.Property(e => e.Source).HasMaxLength(2048);
        builder.Property(e => e.Ror).HasMaxLength(32);
    }
}
