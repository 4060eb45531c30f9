using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Intake.Data.Migrations
{
    /// <inheritdoc />
    public partial class LicenceContent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Content",
                table: "issued_licences",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]"); // licences announced before content fields existed state none

            migrationBuilder.AddColumn<string>(
                name: "TypeCode",
                table: "issued_licences",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Content",
                table: "issued_licences");

            migrationBuilder.DropColumn(
                name: "TypeCode",
                table: "issued_licences");
        }
    }
}
