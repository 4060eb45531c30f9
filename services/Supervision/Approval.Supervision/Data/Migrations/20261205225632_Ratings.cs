using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Supervision.Data.Migrations
{
    /// <inheritdoc />
    public partial class Ratings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OwnerId",
                table: "service_clocks",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApplicantId",
                table: "item_clocks",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApplicantId",
                table: "applications",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ratings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    ProjectCode = table.Column<string>(type: "text", nullable: true),
                    SubjectName = table.Column<string>(type: "text", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UnitName = table.Column<string>(type: "text", nullable: false),
                    RaterId = table.Column<string>(type: "text", nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EnteredBy = table.Column<string>(type: "text", nullable: true),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RatedDate = table.Column<DateOnly>(type: "date", nullable: false),
                    TaskState = table.Column<int>(type: "integer", nullable: false),
                    CallBackNote = table.Column<string>(type: "text", nullable: true),
                    Verified = table.Column<bool>(type: "boolean", nullable: true),
                    CalledBackAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CalledBackBy = table.Column<string>(type: "text", nullable: true),
                    RectificationMeasures = table.Column<string>(type: "text", nullable: true),
                    RectificationDeadline = table.Column<DateOnly>(type: "date", nullable: true),
                    RectificationStartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RectificationResult = table.Column<string>(type: "text", nullable: true),
                    RectifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EscalatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Answer = table.Column<string>(type: "text", nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnsweredBy = table.Column<string>(type: "text", nullable: true),
                    AppealReason = table.Column<string>(type: "text", nullable: true),
                    AppealedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AppealedBy = table.Column<string>(type: "text", nullable: true),
                    AppealUpheld = table.Column<bool>(type: "boolean", nullable: true),
                    AppealDecisionNote = table.Column<string>(type: "text", nullable: true),
                    AppealDecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AppealDecidedBy = table.Column<string>(type: "text", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ratings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "supervisors",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RegionCode = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    SeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervisors", x => x.UserId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_service_clocks_OwnerId",
                table: "service_clocks",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_item_clocks_ApplicantId",
                table: "item_clocks",
                column: "ApplicantId");

            migrationBuilder.CreateIndex(
                name: "IX_ratings_Kind_SubjectId",
                table: "ratings",
                columns: new[] { "Kind", "SubjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ratings_RaterId",
                table: "ratings",
                column: "RaterId");

            migrationBuilder.CreateIndex(
                name: "ix_ratings_rectifying",
                table: "ratings",
                column: "RectificationDeadline",
                filter: "\"TaskState\" = 3 AND \"EscalatedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ratings_RegionCode_RatedDate",
                table: "ratings",
                columns: new[] { "RegionCode", "RatedDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ratings_RegionCode_UnitCode_TaskState",
                table: "ratings",
                columns: new[] { "RegionCode", "UnitCode", "TaskState" });

            migrationBuilder.CreateIndex(
                name: "IX_supervisors_RegionCode",
                table: "supervisors",
                column: "RegionCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ratings");

            migrationBuilder.DropTable(
                name: "supervisors");

            migrationBuilder.DropIndex(
                name: "IX_service_clocks_OwnerId",
                table: "service_clocks");

            migrationBuilder.DropIndex(
                name: "IX_item_clocks_ApplicantId",
                table: "item_clocks");

            migrationBuilder.DropColumn(
                name: "OwnerId",
                table: "service_clocks");

            migrationBuilder.DropColumn(
                name: "ApplicantId",
                table: "item_clocks");

            migrationBuilder.DropColumn(
                name: "ApplicantId",
                table: "applications");
        }
    }
}
