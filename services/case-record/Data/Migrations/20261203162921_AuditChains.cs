using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PublicProtectionHub.CaseRecord.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditChains : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<short>(
                name: "chain",
                schema: "audit",
                table: "entries",
                type: "smallint",
                nullable: false,
                defaultValue: (short)0);

            migrationBuilder.CreateIndex(
                name: "IX_entries_chain_sequence",
                schema: "audit",
                table: "entries",
                columns: new[] { "chain", "sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_entries_chain_sequence",
                schema: "audit",
                table: "entries");

            migrationBuilder.DropColumn(
                name: "chain",
                schema: "audit",
                table: "entries");
        }
    }
}
