using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Radar.Storage.Entities;

namespace Radar.Storage.Configurations;

internal sealed class PaperAppearanceRecordConfiguration : IEntityTypeConfiguration<PaperAppearanceRecord>
{
    public void Configure(EntityTypeBuilder<PaperAppearanceRecord> builder)
    {
        builder.ToTable("paper_appearances");

        // A paper enters a person's trail once, whatever restarts and instances do.
        builder.HasIndex(a => new { a.PersonId, a.ArxivId }).IsUnique();
        builder.HasIndex(a => a.Orcid);
        builder.Property(a => a.PersonId).HasMaxLength(200);
        builder.Property(a => a.ArxivId).HasMaxLength(64);
        builder.Property(a => a.OrgIds).HasMaxLength(2000);
        builder.Property(a => a.Date).HasMaxLength(10);
        builder.Property(a => a.Orcid).HasMaxLength(32);
    }
}
