using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Approval.Intake.Data.Migrations
{
    /// <inheritdoc />
    public partial class WindowActionsMaterialsDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Channel",
                table: "applications",
                type: "integer",
                nullable: false,
                defaultValue: 2); // applications received before channels were recorded came in online (2 web)

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CorrectedAt",
                table: "applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CorrectionRequestedAt",
                table: "applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EnteredBy",
                table: "applications",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ResultNoticeIssuedAt",
                table: "applications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResultNoticeIssuedBy",
                table: "applications",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "corrections",
                table: "applications",
                type: "jsonb",
                nullable: true);

            migrationBuilder.Sql("UPDATE applications SET corrections = '[]' WHERE corrections IS NULL");

            migrationBuilder.CreateTable(
                name: "acceptance_consultations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "text", nullable: false),
                    DepartmentCode = table.Column<string>(type: "text", nullable: false),
                    Question = table.Column<string>(type: "text", nullable: false),
                    AskedBy = table.Column<string>(type: "text", nullable: false),
                    AskedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Opinion = table.Column<string>(type: "text", nullable: true),
                    AnsweredBy = table.Column<string>(type: "text", nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_acceptance_consultations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "application_drafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicantId = table.Column<string>(type: "text", nullable: false),
                    RegionCode = table.Column<string>(type: "text", nullable: false),
                    Content = table.Column<string>(type: "jsonb", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_application_drafts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "attached_materials",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    MaterialId = table.Column<Guid>(type: "uuid", nullable: true),
                    LicenceId = table.Column<Guid>(type: "uuid", nullable: true),
                    LicenceIdentifier = table.Column<string>(type: "text", nullable: true),
                    AttachedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_attached_materials", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "materials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerId = table.Column<string>(type: "text", nullable: false),
                    RegionCode = table.Column<string>(type: "text", nullable: false),
                    FileName = table.Column<string>(type: "text", nullable: false),
                    ContentType = table.Column<string>(type: "text", nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "text", nullable: false),
                    StorageName = table.Column<string>(type: "text", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_materials", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "paper_deliveries",
                columns: table => new
                {
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Recipient = table.Column<string>(type: "text", nullable: false),
                    Phone = table.Column<string>(type: "text", nullable: false),
                    Address = table.Column<string>(type: "text", nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Carrier = table.Column<string>(type: "text", nullable: true),
                    TrackingNumber = table.Column<string>(type: "text", nullable: true),
                    ShippedBy = table.Column<string>(type: "text", nullable: true),
                    ShippedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_paper_deliveries", x => x.ApplicationId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_acceptance_consultations_ApplicationId",
                table: "acceptance_consultations",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_acceptance_consultations_DepartmentCode_AnsweredAt",
                table: "acceptance_consultations",
                columns: new[] { "DepartmentCode", "AnsweredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_application_drafts_ApplicantId",
                table: "application_drafts",
                column: "ApplicantId");

            migrationBuilder.CreateIndex(
                name: "IX_attached_materials_ApplicationId",
                table: "attached_materials",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_attached_materials_MaterialId",
                table: "attached_materials",
                column: "MaterialId");

            migrationBuilder.CreateIndex(
                name: "IX_materials_OwnerId_UploadedAt",
                table: "materials",
                columns: new[] { "OwnerId", "UploadedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "acceptance_consultations");

            migrationBuilder.DropTable(
                name: "application_drafts");

            migrationBuilder.DropTable(
                name: "attached_materials");

            migrationBuilder.DropTable(
                name: "materials");

            migrationBuilder.DropTable(
                name: "paper_deliveries");

            migrationBuilder.DropColumn(
                name: "Channel",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "CorrectedAt",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "CorrectionRequestedAt",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "EnteredBy",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "ResultNoticeIssuedAt",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "ResultNoticeIssuedBy",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "corrections",
                table: "applications");
        }
    }
}
