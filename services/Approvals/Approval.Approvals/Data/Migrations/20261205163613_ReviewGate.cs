using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Approvals.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReviewGate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RequiresReview",
                table: "item_instances",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "concluded_reviews",
                columns: table => new
                {
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "text", nullable: false),
                    ProjectCode = table.Column<string>(type: "text", nullable: false),
                    EngineeringCode = table.Column<string>(type: "text", nullable: true),
                    TypeCode = table.Column<string>(type: "text", nullable: false),
                    TypeName = table.Column<string>(type: "text", nullable: false),
                    ConclusionName = table.Column<string>(type: "text", nullable: false),
                    Passed = table.Column<bool>(type: "boolean", nullable: false),
                    ConcludedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_concluded_reviews", x => x.ReviewId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_concluded_reviews_RegionCode_ProjectCode_TypeCode",
                table: "concluded_reviews",
                columns: new[] { "RegionCode", "ProjectCode", "TypeCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "concluded_reviews");

            migrationBuilder.DropColumn(
                name: "RequiresReview",
                table: "item_instances");
        }
    }
}
