using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Licences.Data.Migrations
{
    /// <inheritdoc />
    public partial class HolderIdentityConcludedItemsArchiveRegion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_licences_Holder",
                table: "licences");

            migrationBuilder.DropIndex(
                name: "IX_licences_ItemInstanceId",
                table: "licences");

            migrationBuilder.AddColumn<string>(
                name: "HolderId",
                table: "licences",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "HolderNumber",
                table: "licences",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RegionCode",
                table: "archives",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "concluded_items",
                columns: table => new
                {
                    ItemInstanceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "text", nullable: false),
                    ProjectCode = table.Column<string>(type: "text", nullable: false),
                    ProjectName = table.Column<string>(type: "text", nullable: false),
                    Holder = table.Column<string>(type: "text", nullable: false),
                    HolderId = table.Column<string>(type: "text", nullable: false),
                    HolderNumber = table.Column<string>(type: "text", nullable: true),
                    ItemCode = table.Column<string>(type: "text", nullable: false),
                    ItemName = table.Column<string>(type: "text", nullable: false),
                    Approved = table.Column<bool>(type: "boolean", nullable: false),
                    Opinion = table.Column<string>(type: "text", nullable: false),
                    DepartmentCode = table.Column<string>(type: "text", nullable: false),
                    DepartmentName = table.Column<string>(type: "text", nullable: false),
                    DepartmentCreditCode = table.Column<string>(type: "text", nullable: false),
                    LicenceTypeCode = table.Column<string>(type: "text", nullable: true),
                    LicenceName = table.Column<string>(type: "text", nullable: true),
                    ConcludedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_concluded_items", x => x.ItemInstanceId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_licences_HolderId",
                table: "licences",
                column: "HolderId");

            migrationBuilder.CreateIndex(
                name: "IX_licences_HolderNumber",
                table: "licences",
                column: "HolderNumber");

            migrationBuilder.CreateIndex(
                name: "IX_licences_ItemInstanceId",
                table: "licences",
                column: "ItemInstanceId",
                unique: true,
                filter: "\"ItemInstanceId\" <> '00000000-0000-0000-0000-000000000000' AND \"RevokedAt\" IS NULL AND \"ExpiryAnnouncedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "concluded_items");

            migrationBuilder.DropIndex(
                name: "IX_licences_HolderId",
                table: "licences");

            migrationBuilder.DropIndex(
                name: "IX_licences_HolderNumber",
                table: "licences");

            migrationBuilder.DropIndex(
                name: "IX_licences_ItemInstanceId",
                table: "licences");

            migrationBuilder.DropColumn(
                name: "HolderId",
                table: "licences");

            migrationBuilder.DropColumn(
                name: "HolderNumber",
                table: "licences");

            migrationBuilder.DropColumn(
                name: "RegionCode",
                table: "archives");

            migrationBuilder.CreateIndex(
                name: "IX_licences_Holder",
                table: "licences",
                column: "Holder");

            migrationBuilder.CreateIndex(
                name: "IX_licences_ItemInstanceId",
                table: "licences",
                column: "ItemInstanceId",
                unique: true,
                filter: "\"ItemInstanceId\" <> '00000000-0000-0000-0000-000000000000'");
        }
    }
}
