using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Radar.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Filters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Exclude",
                table: "subscriptions",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExcludePattern",
                table: "subscriptions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Pattern",
                table: "subscriptions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PingRole",
                table: "subscriptions",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Silent",
                table: "subscriptions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "BrokenNoticeAt",
                table: "feeds",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PingRole",
                table: "deliveries",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Silent",
                table: "deliveries",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Style",
                table: "channels",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Full");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Exclude",
                table: "subscriptions");

            migrationBuilder.DropColumn(
                name: "ExcludePattern",
                table: "subscriptions");

            migrationBuilder.DropColumn(
                name: "Pattern",
                table: "subscriptions");

            migrationBuilder.DropColumn(
                name: "PingRole",
                table: "subscriptions");

            migrationBuilder.DropColumn(
                name: "Silent",
                table: "subscriptions");

            migrationBuilder.DropColumn(
                name: "BrokenNoticeAt",
                table: "feeds");

            migrationBuilder.DropColumn(
                name: "PingRole",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "Silent",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "Style",
                table: "channels");
        }
    }
}
