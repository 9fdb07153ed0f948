using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Radar.Storage.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "FollowsStoryId",
                table: "stories",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Tier",
                table: "stories",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Confirmed");

            migrationBuilder.AddColumn<string>(
                name: "TierBy",
                table: "stories",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "TierChangedAt",
                table: "stories",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Official",
                table: "feeds",
                type: "TEXT",
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
