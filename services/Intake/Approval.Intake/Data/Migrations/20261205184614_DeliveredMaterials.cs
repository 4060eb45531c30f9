using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Intake.Data.Migrations
{
    /// <inheritdoc />
    public partial class DeliveredMaterials : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DeliveredName",
                table: "materials",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EngineeringCode",
                table: "materials",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProjectCode",
                table: "materials",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SealCode",
                table: "materials",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "materials",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeliveredName",
                table: "materials");

            migrationBuilder.DropColumn(
                name: "EngineeringCode",
                table: "materials");

            migrationBuilder.DropColumn(
                name: "ProjectCode",
                table: "materials");

            migrationBuilder.DropColumn(
                name: "SealCode",
                table: "materials");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "materials");
        }
    }
}
