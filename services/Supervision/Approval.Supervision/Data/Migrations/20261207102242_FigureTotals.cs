using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Supervision.Data.Migrations
{
    /// <inheritdoc />
    public partial class FigureTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "figure_totals",
                columns: table => new
                {
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    DepartmentCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DepartmentName = table.Column<string>(type: "text", nullable: false),
                    ItemCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ItemName = table.Column<string>(type: "text", nullable: false),
                    StageNo = table.Column<int>(type: "integer", nullable: false),
                    FlowType = table.Column<string>(type: "text", nullable: false),
                    UsedWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    Accepted = table.Column<int>(type: "integer", nullable: false),
                    Concluded = table.Column<int>(type: "integer", nullable: false),
                    ConcludedOnTime = table.Column<int>(type: "integer", nullable: false),
                    Overdue = table.Column<int>(type: "integer", nullable: false),
                    CorrectionWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    SpecialWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    CorrectionCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_figure_totals", x => new { x.RegionCode, x.Month, x.DepartmentCode, x.DepartmentName, x.ItemCode, x.ItemName, x.StageNo, x.FlowType, x.UsedWorkingDays });
                });

            // The clocks stored before the totals existed, summed (FigureTotals.RebuildSql as it is at this migration; a
            // published migration does not change with the code).
            migrationBuilder.Sql("""
                INSERT INTO figure_totals ("RegionCode", "Month", "DepartmentCode", "DepartmentName", "ItemCode", "ItemName", "StageNo",
                  "FlowType", "UsedWorkingDays", "Accepted", "Concluded", "ConcludedOnTime", "Overdue", "CorrectionWorkingDays",
                  "SpecialWorkingDays", "CorrectionCount")
                SELECT "RegionCode", date_trunc('month', "AcceptedDate")::date, "DepartmentCode", "DepartmentName", "ItemCode", "ItemName",
                  "StageNo", coalesce("FlowType", ''), "UsedWorkingDays", count(*)::int, count("ConcludedAt")::int,
                  (count(*) FILTER (WHERE "ConcludedAt" IS NOT NULL AND "State" <> 2))::int, (count(*) FILTER (WHERE "State" = 2))::int,
                  sum("CorrectionWorkingDays")::int, sum("SpecialWorkingDays")::int, sum("CorrectionCount")::int
                FROM item_clocks
                GROUP BY "RegionCode", date_trunc('month', "AcceptedDate")::date, "DepartmentCode", "DepartmentName", "ItemCode", "ItemName",
                  "StageNo", coalesce("FlowType", ''), "UsedWorkingDays";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_item_clocks_RegionCode_ProjectCode_AcceptedDate",
                table: "item_clocks",
                columns: new[] { "RegionCode", "ProjectCode", "AcceptedDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "figure_totals");

            migrationBuilder.DropIndex(
                name: "IX_item_clocks_RegionCode_ProjectCode_AcceptedDate",
                table: "item_clocks");
        }
    }
}
