using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Radar.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Knowledge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "knowledge_entities",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Aliases = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ArabicNames = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    UnitOfId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OwnedById = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    MakerId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Released = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Founded = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Founders = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    Reported = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_knowledge_entities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "affiliations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrgName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OrgId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    From = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    Reported = table.Column<bool>(type: "INTEGER", nullable: false),
                    StoryId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_affiliations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_affiliations_knowledge_entities_PersonId",
                        column: x => x.PersonId,
                        principalTable: "knowledge_entities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_affiliations_stories_StoryId",
                        column: x => x.StoryId,
                        principalTable: "stories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_affiliations_PersonId",
                table: "affiliations",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_affiliations_PersonId_OrgName_StoryId",
                table: "affiliations",
                columns: new[] { "PersonId", "OrgName", "StoryId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_affiliations_StoryId",
                table: "affiliations",
                column: "StoryId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "affiliations");

            migrationBuilder.DropTable(
                name: "knowledge_entities");
        }
    }
}
