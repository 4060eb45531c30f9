using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Approval.Licences.Data.Migrations
{
    /// <inheritdoc />
    public partial class SealsVerificationArchives : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_licences_ItemInstanceId",
                table: "licences");

            migrationBuilder.AddColumn<string>(
                name: "ContentDigest",
                table: "licences",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<byte[]>(
                name: "ContentSignature",
                table: "licences",
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ExpiryAnnouncedAt",
                table: "licences",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "Pdf",
                table: "licences",
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AddColumn<string>(
                name: "PdfDigest",
                table: "licences",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<byte[]>(
                name: "PdfSignature",
                table: "licences",
                type: "bytea",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.AddColumn<string>(
                name: "RevocationReason",
                table: "licences",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RevokedAt",
                table: "licences",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SealId",
                table: "licences",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SealedAt",
                table: "licences",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ValidFrom",
                table: "licences",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ValidTo",
                table: "licences",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "archives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectCode = table.Column<string>(type: "text", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PackageDigest = table.Column<string>(type: "text", nullable: false),
                    Package = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_archives", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "licence_history",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LicenceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Event = table.Column<string>(type: "text", nullable: false),
                    EventName = table.Column<string>(type: "text", nullable: false),
                    Actor = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: true),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_licence_history", x => x.Id);
                    table.ForeignKey(
                        name: "FK_licence_history_licences_LicenceId",
                        column: x => x.LicenceId,
                        principalTable: "licences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "seals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SealCode = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    HolderCode = table.Column<string>(type: "text", nullable: false),
                    HolderName = table.Column<string>(type: "text", nullable: false),
                    HolderCreditCode = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    PublicKey = table.Column<byte[]>(type: "bytea", nullable: false),
                    EncryptedPrivateKey = table.Column<byte[]>(type: "bytea", nullable: false),
                    ValidFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ValidTo = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IssuerSealId = table.Column<Guid>(type: "uuid", nullable: false),
                    CertificateSignature = table.Column<byte[]>(type: "bytea", nullable: false),
                    RetiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_seals", x => x.Id);
                });

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

            migrationBuilder.CreateIndex(
                name: "IX_licences_PdfDigest",
                table: "licences",
                column: "PdfDigest");

            migrationBuilder.CreateIndex(
                name: "IX_licences_ValidTo",
                table: "licences",
                column: "ValidTo",
                filter: "\"ExpiryAnnouncedAt\" IS NULL AND \"ValidTo\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_archives_ApplicationId",
                table: "archives",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_licence_history_LicenceId",
                table: "licence_history",
                column: "LicenceId");

            migrationBuilder.CreateIndex(
                name: "IX_seals_HolderCode_Version",
                table: "seals",
                columns: new[] { "HolderCode", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_seals_SealCode",
                table: "seals",
                column: "SealCode",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "archives");

            migrationBuilder.DropTable(
                name: "licence_history");

            migrationBuilder.DropTable(
                name: "seals");

            migrationBuilder.DropIndex(
                name: "IX_licences_Holder",
                table: "licences");

            migrationBuilder.DropIndex(
                name: "IX_licences_ItemInstanceId",
                table: "licences");

            migrationBuilder.DropIndex(
                name: "IX_licences_PdfDigest",
                table: "licences");

            migrationBuilder.DropIndex(
                name: "IX_licences_ValidTo",
                table: "licences");

            migrationBuilder.DropColumn(
                name: "ContentDigest",
                table: "licences");

            migrationBuilder.DropColumn(
                name: "ContentSignature",
                table: "licences");

            migrationBuilder.DropColumn(
                name: "ExpiryAnnouncedAt",
                table: "licences");

            migrationBuilder.DropColumn(
                name: "Pdf",
                table: "licences");

            migrationBuilder.DropColumn(
                name: "PdfDigest",
                table: "licences");

            migrationBuilder.DropColumn(
                name: "PdfSignature",
                table: "licences");

            migrationBuilder.DropColumn(
                name: "RevocationReason",
                table: "licences");

            migrationBuilder.DropColumn(
                name: "RevokedAt",
                table: "licences");

            migrationBuilder.DropColumn(
                name: "SealId",
                table: "licences");

            migrationBuilder.DropColumn(
                name: "SealedAt",
                table: "licences");

            migrationBuilder.DropColumn(
                name: "ValidFrom",
                table: "licences");

            migrationBuilder.DropColumn(
                name: "ValidTo",
                table: "licences");

            migrationBuilder.CreateIndex(
                name: "IX_licences_ItemInstanceId",
                table: "licences",
                column: "ItemInstanceId",
                unique: true);
        }
    }
}
