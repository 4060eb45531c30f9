using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Catalog.Data.Migrations
{
    /// <inheritdoc />
    public partial class AnnouncedFlows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "announced_flows",
                columns: table => new
                {
                    Code = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    AnnouncedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_announced_flows", x => new { x.Code, x.Version });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "announced_flows");
        }
    }
}
