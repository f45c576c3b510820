using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PublicProtectionHub.Mappa.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditIndexWithoutFastUpdate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_entries_records",
                schema: "audit",
                table: "entries");

            migrationBuilder.CreateIndex(
                name: "IX_entries_records",
                schema: "audit",
                table: "entries",
                column: "records")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:StorageParameter:fastupdate", false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_entries_records",
                schema: "audit",
                table: "entries");

            migrationBuilder.CreateIndex(
                name: "IX_entries_records",
                schema: "audit",
                table: "entries",
                column: "records")
                .Annotation("Npgsql:IndexMethod", "gin");
        }
    }
}
