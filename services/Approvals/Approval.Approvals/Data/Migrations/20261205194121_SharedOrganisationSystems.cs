using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Approvals.Data.Migrations
{
    /// <inheritdoc />
    public partial class SharedOrganisationSystems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "DepartmentCode",
                table: "webhook_deliveries",
                newName: "OrganisationCode");

            migrationBuilder.RenameIndex(
                name: "IX_webhook_deliveries_DepartmentCode_CreatedAt",
                table: "webhook_deliveries",
                newName: "IX_webhook_deliveries_OrganisationCode_CreatedAt");

            migrationBuilder.RenameColumn(
                name: "DepartmentCode",
                table: "department_webhooks",
                newName: "OrganisationCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "OrganisationCode",
                table: "webhook_deliveries",
                newName: "DepartmentCode");

            migrationBuilder.RenameIndex(
                name: "IX_webhook_deliveries_OrganisationCode_CreatedAt",
                table: "webhook_deliveries",
                newName: "IX_webhook_deliveries_DepartmentCode_CreatedAt");

            migrationBuilder.RenameColumn(
                name: "OrganisationCode",
                table: "department_webhooks",
                newName: "DepartmentCode");
        }
    }
}
