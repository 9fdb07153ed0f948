using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Radar.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Tiers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ConfirmedOnly",
                table: "subscriptions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "FollowsStoryId",
                table: "stories",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Tier",
                table: "stories",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Confirmed");

            migrationBuilder.AddColumn<string>(
                name: "TierBy",
                table: "stories",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "TierChangedAt",
                table: "stories",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Official",
                table: "feeds",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ConfirmedOnly",
                table: "subscriptions");

            migrationBuilder.DropColumn(
                name: "FollowsStoryId",
                table: "stories");

            migrationBuilder.DropColumn(
                name: "Tier",
                table: "stories");

            migrationBuilder.DropColumn(
                name: "TierBy",
                table: "stories");

            migrationBuilder.DropColumn(
                name: "TierChangedAt",
                table: "stories");

            migrationBuilder.DropColumn(
                name: "Official",
                table: "feeds");
        }
    }
}
