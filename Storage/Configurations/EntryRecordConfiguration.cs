using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Radar.Storage.Entities;

namespace Radar.Storage.Configurations;

internal sealed class EntryRecordConfiguration : IEntityTypeConfiguration<EntryRecord>
{
    public void Configure(EntityTypeBuilder<EntryRecord> builder)
    {
        builder.ToTable("entries");
        builder.HasIndex(e => new { e.FeedId, e.ItemKey }).IsUnique();
        builder.HasIndex(e => e.Link);
        builder.HasIndex(e => new { e.FeedId, e.TitleKey, e.FirstSeenAt });
        builder.HasOne<FeedRecord>().WithMany().HasForeignKey(e => e.FeedId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StoryRecord>().WithMany().HasForeignKey(e => e.StoryId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(e => e.ItemKey).HasMaxLength(1000);
        builder.Property(e => e.Link).HasMaxLength(2048);
        builder.Property(e => e.Title).HasMaxLength(500);
        builder.Property(e => e.TitleKey).HasMaxLength(500);
        builder.Property(e => e.Summary).HasMaxLength(2000);
        builder.Property(e => e.Language).HasMaxLength(16);
    }
}
