using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Radar.Storage.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExcludePattern",
                table: "subscriptions",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Pattern",
                table: "subscriptions",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PingRole",
                table: "subscriptions",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Silent",
                table: "subscriptions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "BrokenNoticeAt",
                table: "feeds",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PingRole",
                table: "deliveries",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Silent",
                table: "deliveries",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Style",
                table: "channels",
                type: "TEXT",
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
