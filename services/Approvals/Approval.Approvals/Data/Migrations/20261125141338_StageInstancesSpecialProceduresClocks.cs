using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Approvals.Data.Migrations
{
    /// <inheritdoc />
    public partial class StageInstancesSpecialProceduresClocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "parallel_instance_serial");

            migrationBuilder.AddColumn<string>(
                name: "ParallelInstanceCode",
                table: "item_instances",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "StageInstanceId",
                table: "item_instances",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(
                name: "special_procedures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemInstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    PlannedWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Result = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_special_procedures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "stage_instances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "text", nullable: false),
                    StageNo = table.Column<int>(type: "integer", nullable: false),
                    ParallelInstanceCode = table.Column<string>(type: "text", nullable: true),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stage_instances", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_item_instances_ParallelInstanceCode",
                table: "item_instances",
                column: "ParallelInstanceCode");

            migrationBuilder.CreateIndex(
                name: "IX_special_procedures_ItemInstanceId",
                table: "special_procedures",
                column: "ItemInstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_stage_instances_ApplicationId",
                table: "stage_instances",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_stage_instances_ParallelInstanceCode",
                table: "stage_instances",
                column: "ParallelInstanceCode",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "special_procedures");

            migrationBuilder.DropTable(
                name: "stage_instances");

            migrationBuilder.DropIndex(
                name: "IX_item_instances_ParallelInstanceCode",
                table: "item_instances");

            migrationBuilder.DropColumn(
                name: "ParallelInstanceCode",
                table: "item_instances");

            migrationBuilder.DropColumn(
                name: "StageInstanceId",
                table: "item_instances");

            migrationBuilder.DropSequence(
                name: "parallel_instance_serial");
        }
    }
}
