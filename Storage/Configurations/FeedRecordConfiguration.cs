using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Radar.Storage.Entities;

namespace Radar.Storage.Configurations;

internal sealed class FeedRecordConfiguration : IEntityTypeConfiguration<FeedRecord>
{
    public void Configure(EntityTypeBuilder<FeedRecord> builder)
    {
        builder.ToTable("feeds");
        builder.HasIndex(f => f.Url).IsUnique();
        builder.HasIndex(f => f.NextPollAt);
        builder.Property(f => f.Url).HasMaxLength(2048);
        builder.Property(f => f.Name).HasMaxLength(200);
        builder.Property(f => f.Language).HasMaxLength(16);
        builder.Property(f => f.Official).HasMaxLength(200);
        builder.Property(f => f.ETag).HasMaxLength(512);
        builder.Property(f => f.LastModified).HasMaxLength(128);
        builder.Property(f => f.LastError).HasMaxLength(1000);
        builder.Property(f => f.AddedBy).HasMaxLength(200);
        builder.Property(f => f.ClaimedBy).HasMaxLength(200);
    }
}
