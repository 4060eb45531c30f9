using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Projects.Data.Migrations
{
    /// <inheritdoc />
    public partial class PlannedDates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "PlannedEnd",
                table: "projects",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PlannedStart",
                table: "projects",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PlannedEnd",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "PlannedStart",
                table: "projects");
        }
    }
}
