using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Intake.Data.Migrations
{
    /// <inheritdoc />
    public partial class LicenceRevocationAndExpiry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ExpiredAt",
                table: "issued_licences",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RevocationReason",
                table: "issued_licences",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RevokedAt",
                table: "issued_licences",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ExpiredAt",
                table: "issued_licences");

            migrationBuilder.DropColumn(
                name: "RevocationReason",
                table: "issued_licences");

            migrationBuilder.DropColumn(
                name: "RevokedAt",
                table: "issued_licences");
        }
    }
}
