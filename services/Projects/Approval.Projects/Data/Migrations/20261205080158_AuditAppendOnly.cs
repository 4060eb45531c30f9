using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Projects.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Hash",
                table: "audit_records",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousHash",
                table: "audit_records",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Sequence",
                table: "audit_records",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_records_Sequence",
                table: "audit_records",
                column: "Sequence",
                unique: true);

            // Projects writes audit records but its Initial migration gave audit_records no trigger (issue 25):
            // the database itself refuses UPDATE, DELETE and TRUNCATE, as in every other service.
            migrationBuilder.Sql(Approval.ServiceDefaults.Audit.AuditModel.AppendOnlySql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER audit_records_append_only ON audit_records; DROP FUNCTION audit_records_append_only();");

            migrationBuilder.DropIndex(
                name: "IX_audit_records_Sequence",
                table: "audit_records");

            migrationBuilder.DropColumn(
                name: "Hash",
                table: "audit_records");

            migrationBuilder.DropColumn(
                name: "PreviousHash",
                table: "audit_records");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "audit_records");
        }
    }
}
