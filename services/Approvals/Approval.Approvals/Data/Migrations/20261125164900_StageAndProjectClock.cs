using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Approvals.Data.Migrations
{
    /// <inheritdoc />
    public partial class StageAndProjectClock : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ProjectCode",
                table: "stage_instances",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "TimeLimitWorkingDays",
                table: "stage_instances",
                type: "integer",
                nullable: true);

            // Stages opened before: their project is their items' (every item of a stage carries it); their limit stays unknown.
            migrationBuilder.Sql("""
                UPDATE stage_instances s SET "ProjectCode" = i."ProjectCode"
                FROM (SELECT DISTINCT ON ("StageInstanceId") "StageInstanceId", "ProjectCode" FROM item_instances) i
                WHERE i."StageInstanceId" = s."Id";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_stage_instances_ProjectCode",
                table: "stage_instances",
                column: "ProjectCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_stage_instances_ProjectCode",
                table: "stage_instances");

            migrationBuilder.DropColumn(
                name: "ProjectCode",
                table: "stage_instances");

            migrationBuilder.DropColumn(
                name: "TimeLimitWorkingDays",
                table: "stage_instances");
        }
    }
}
