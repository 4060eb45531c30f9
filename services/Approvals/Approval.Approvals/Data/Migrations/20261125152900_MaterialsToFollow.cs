using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Approvals.Data.Migrations
{
    /// <inheritdoc />
    public partial class MaterialsToFollow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "MaterialsDue",
                table: "item_instances",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "MaterialsToFollow",
                table: "item_instances",
                type: "text[]",
                nullable: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MaterialsDue",
                table: "item_instances");

            migrationBuilder.DropColumn(
                name: "MaterialsToFollow",
                table: "item_instances");
        }
    }
}
