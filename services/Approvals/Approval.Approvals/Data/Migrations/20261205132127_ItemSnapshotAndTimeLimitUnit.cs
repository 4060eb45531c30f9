using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Approvals.Data.Migrations
{
    /// <inheritdoc />
    public partial class ItemSnapshotAndTimeLimitUnit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FlowCode",
                table: "stage_instances",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FlowVersion",
                table: "stage_instances",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EngineeringCode",
                table: "item_instances",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ItemVersion",
                table: "item_instances",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "TimeLimit",
                table: "item_instances",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "TimeLimitUnit",
                table: "item_instances",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FlowCode",
                table: "stage_instances");

            migrationBuilder.DropColumn(
                name: "FlowVersion",
                table: "stage_instances");

            migrationBuilder.DropColumn(
                name: "EngineeringCode",
                table: "item_instances");

            migrationBuilder.DropColumn(
                name: "ItemVersion",
                table: "item_instances");

            migrationBuilder.DropColumn(
                name: "TimeLimit",
                table: "item_instances");

            migrationBuilder.DropColumn(
                name: "TimeLimitUnit",
                table: "item_instances");
        }
    }
}
