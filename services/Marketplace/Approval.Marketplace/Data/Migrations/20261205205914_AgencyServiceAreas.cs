using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Marketplace.Data.Migrations
{
    /// <inheritdoc />
    public partial class AgencyServiceAreas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DivisionCode",
                table: "selections",
                type: "character varying(6)",
                maxLength: 6,
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "ServiceAreas",
                table: "agencies",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'"); // agencies registered before areas existed: none stated, serving the whole region
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DivisionCode",
                table: "selections");

            migrationBuilder.DropColumn(
                name: "ServiceAreas",
                table: "agencies");
        }
    }
}
