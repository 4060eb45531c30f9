using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Licences.Data.Migrations
{
    /// <inheritdoc />
    public partial class LicenceContent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Content",
                table: "licences",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]"); // licences issued before content fields existed state none

            migrationBuilder.AddColumn<string>(
                name: "Content",
                table: "concluded_items",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]"); // licences issued before content fields existed state none

            migrationBuilder.AddColumn<int>(
                name: "ValidityMonths",
                table: "concluded_items",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Content",
                table: "licences");

            migrationBuilder.DropColumn(
                name: "Content",
                table: "concluded_items");

            migrationBuilder.DropColumn(
                name: "ValidityMonths",
                table: "concluded_items");
        }
    }
}
