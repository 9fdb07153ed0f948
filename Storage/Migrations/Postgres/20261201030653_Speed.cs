using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Radar.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Speed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Summaries",
                table: "stories",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<TimeSpan>(
                name: "PollInterval",
                table: "feeds",
                type: "interval",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "handled_updates",
                columns: table => new
                {
                    Platform = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UpdateId = table.Column<long>(type: "bigint", nullable: false),
                    HandledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_handled_updates", x => new { x.Platform, x.UpdateId });
                });

            migrationBuilder.CreateTable(
                name: "websub_subscriptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FeedId = table.Column<int>(type: "integer", nullable: false),
                    Hub = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Topic = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CallbackKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Secret = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Requested = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    VerifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Failures = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_websub_subscriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_websub_subscriptions_feeds_FeedId",
                        column: x => x.FeedId,
                        principalTable: "feeds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_handled_updates_HandledAt",
                table: "handled_updates",
                column: "HandledAt");

            migrationBuilder.CreateIndex(
                name: "IX_websub_subscriptions_CallbackKey",
                table: "websub_subscriptions",
                column: "CallbackKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_websub_subscriptions_FeedId",
                table: "websub_subscriptions",
                column: "FeedId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_websub_subscriptions_NextAttemptAt",
                table: "websub_subscriptions",
                column: "NextAttemptAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "handled_updates");

            migrationBuilder.DropTable(
                name: "websub_subscriptions");

            migrationBuilder.DropColumn(
                name: "Summaries",
                table: "stories");

            migrationBuilder.DropColumn(
                name: "PollInterval",
                table: "feeds");
        }
    }
}
