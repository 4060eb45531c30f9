using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Approvals.Data.Migrations
{
    /// <inheritdoc />
    public partial class LicenceContent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LicenceContent",
                table: "item_instances",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LicenceValidityMonths",
                table: "item_instances",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LicenceContent",
                table: "item_instances");

            migrationBuilder.DropColumn(
                name: "LicenceValidityMonths",
                table: "item_instances");
        }
    }
}
