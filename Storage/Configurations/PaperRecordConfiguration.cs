using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Radar.Storage.Entities;

namespace Radar.Storage.Configurations;

internal sealed class PaperRecordConfiguration : IEntityTypeConfiguration<PaperRecord>
{
    public void Configure(EntityTypeBuilder<PaperRecord> builder)
    {
        builder.ToTable("papers");
        builder.HasKey(p => p.ArxivId);
        builder.HasIndex(p => new { p.State, p.NextLookupAt });
        builder.Property(p => p.ArxivId).HasMaxLength(64);
        builder.Property(p => p.Title).HasMaxLength(500);
        builder.Property(p => p.Authors).HasMaxLength(20_000);
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.LastError).HasMaxLength(500);
    }
}
