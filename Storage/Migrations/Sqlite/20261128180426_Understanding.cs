using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Radar.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Understanding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Analysis",
                table: "stories",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EventKeys",
                table: "stories",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "TitleHash",
                table: "stories",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "TitleKey",
                table: "stories",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Topics",
                table: "stories",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Analysis",
                table: "stories");

            migrationBuilder.DropColumn(
                name: "EventKeys",
                table: "stories");

            migrationBuilder.DropColumn(
                name: "TitleHash",
                table: "stories");

            migrationBuilder.DropColumn(
                name: "TitleKey",
                table: "stories");

            migrationBuilder.DropColumn(
                name: "Topics",
                table: "stories");
        }
    }
}
