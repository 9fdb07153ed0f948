using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Radar.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OwnerFeeds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AddedBy",
                table: "feeds",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AddedBy",
                table: "feeds");
        }
    }
}
