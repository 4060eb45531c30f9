using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Approval.Approvals.Data.Migrations
{
    /// <inheritdoc />
    public partial class OrderedItemsMilestonesCommitmentsIdempotency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ApplicantId",
                table: "stage_instances",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "Approved",
                table: "stage_instances",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ConcludedAt",
                table: "stage_instances",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MilestoneRule",
                table: "stage_instances",
                type: "integer",
                nullable: false,
                defaultValue: 1); // stages opened before milestone rules: rule 1, in progress

            migrationBuilder.AddColumn<int>(
                name: "Status",
                table: "stage_instances",
                type: "integer",
                nullable: false,
                defaultValue: 1); // stages opened before milestone rules: rule 1, in progress

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "stage_instances",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<string>(
                name: "AfterItemCode",
                table: "item_instances",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CertificateReference",
                table: "item_instances",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Commitment",
                table: "item_instances",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CommitmentDue",
                table: "item_instances",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "CommitmentFulfilled",
                table: "item_instances",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CommitmentVerification",
                table: "item_instances",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CommitmentVerifiedAt",
                table: "item_instances",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "MaterialsCompletedAt",
                table: "item_instances",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "MaterialsHandedIn",
                table: "item_instances",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<bool>(
                name: "Milestone",
                table: "item_instances",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "NotificationCommitment",
                table: "item_instances",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "RevocationReason",
                table: "item_instances",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RevokedAt",
                table: "item_instances",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "idempotency_keys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Client = table.Column<string>(type: "text", nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Request = table.Column<string>(type: "text", nullable: false),
                    RequestHash = table.Column<string>(type: "text", nullable: false),
                    StatusCode = table.Column<int>(type: "integer", nullable: false),
                    ResponseBody = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_idempotency_keys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_item_instances_StageInstanceId",
                table: "item_instances",
                column: "StageInstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_idempotency_keys_Client_Key",
                table: "idempotency_keys",
                columns: new[] { "Client", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "idempotency_keys");

            migrationBuilder.DropIndex(
                name: "IX_item_instances_StageInstanceId",
                table: "item_instances");

            migrationBuilder.DropColumn(
                name: "ApplicantId",
                table: "stage_instances");

            migrationBuilder.DropColumn(
                name: "Approved",
                table: "stage_instances");

            migrationBuilder.DropColumn(
                name: "ConcludedAt",
                table: "stage_instances");

            migrationBuilder.DropColumn(
                name: "MilestoneRule",
                table: "stage_instances");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "stage_instances");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "stage_instances");

            migrationBuilder.DropColumn(
                name: "AfterItemCode",
                table: "item_instances");

            migrationBuilder.DropColumn(
                name: "CertificateReference",
                table: "item_instances");

            migrationBuilder.DropColumn(
                name: "Commitment",
                table: "item_instances");

            migrationBuilder.DropColumn(
                name: "CommitmentDue",
                table: "item_instances");

            migrationBuilder.DropColumn(
                name: "CommitmentFulfilled",
                table: "item_instances");

            migrationBuilder.DropColumn(
                name: "CommitmentVerification",
                table: "item_instances");

            migrationBuilder.DropColumn(
                name: "CommitmentVerifiedAt",
                table: "item_instances");

            migrationBuilder.DropColumn(
                name: "MaterialsCompletedAt",
                table: "item_instances");

            migrationBuilder.DropColumn(
                name: "MaterialsHandedIn",
                table: "item_instances");

            migrationBuilder.DropColumn(
                name: "Milestone",
                table: "item_instances");

            migrationBuilder.DropColumn(
                name: "NotificationCommitment",
                table: "item_instances");

            migrationBuilder.DropColumn(
                name: "RevocationReason",
                table: "item_instances");

            migrationBuilder.DropColumn(
                name: "RevokedAt",
                table: "item_instances");
        }
    }
}
