using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Radar.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Papers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Papers",
                table: "subscriptions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PaperAt",
                table: "stories",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PaperId",
                table: "stories",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Ror",
                table: "knowledge_entities",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "paper_appearances",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ArxivId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OrgIds = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Date = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Orcid = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_paper_appearances", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "papers",
                columns: table => new
                {
                    ArxivId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Authors = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    AnnouncedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ListedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    NextLookupAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Lookups = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DoneAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_papers", x => x.ArxivId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_paper_appearances_Orcid",
                table: "paper_appearances",
                column: "Orcid");

            migrationBuilder.CreateIndex(
                name: "IX_paper_appearances_PersonId_ArxivId",
                table: "paper_appearances",
                columns: new[] { "PersonId", "ArxivId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_papers_State_NextLookupAt",
                table: "papers",
                columns: new[] { "State", "NextLookupAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "paper_appearances");

            migrationBuilder.DropTable(
                name: "papers");

            migrationBuilder.DropColumn(
                name: "Papers",
                table: "subscriptions");

            migrationBuilder.DropColumn(
                name: "PaperAt",
                table: "stories");

            migrationBuilder.DropColumn(
                name: "PaperId",
                table: "stories");

            migrationBuilder.DropColumn(
                name: "Ror",
                table: "knowledge_entities");
        }
    }
}
