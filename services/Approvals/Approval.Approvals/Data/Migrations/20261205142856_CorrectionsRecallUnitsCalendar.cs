using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Approvals.Data.Migrations
{
    /// <inheritdoc />
    public partial class CorrectionsRecallUnitsCalendar : Migration
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

            migrationBuilder.AddColumn<string>(
                name: "RecallReason",
                table: "item_instances",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RecalledAt",
                table: "item_instances",
                type: "timestamp with time zone",
                nullable: true);

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

            migrationBuilder.CreateTable(
                name: "calendar_years",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Holidays = table.Column<List<DateOnly>>(type: "date[]", nullable: false),
                    Workdays = table.Column<List<DateOnly>>(type: "date[]", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UploadedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_years", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "item_corrections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemInstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Due = table.Column<DateOnly>(type: "date", nullable: true),
                    RequestedBy = table.Column<string>(type: "text", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnsweredBy = table.Column<string>(type: "text", nullable: true),
                    Note = table.Column<string>(type: "text", nullable: true),
                    entries = table.Column<string>(type: "jsonb", nullable: true),
                    files = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_item_corrections", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_item_corrections_ItemInstanceId",
                table: "item_corrections",
                column: "ItemInstanceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "calendar_years");

            migrationBuilder.DropTable(
                name: "item_corrections");

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
                name: "RecallReason",
                table: "item_instances");

            migrationBuilder.DropColumn(
                name: "RecalledAt",
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
