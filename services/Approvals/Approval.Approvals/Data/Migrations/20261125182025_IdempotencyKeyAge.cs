using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Approvals.Data.Migrations
{
    /// <inheritdoc />
    public partial class IdempotencyKeyAge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_idempotency_keys_CreatedAt",
                table: "idempotency_keys",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_idempotency_keys_CreatedAt",
                table: "idempotency_keys");
        }
    }
}
