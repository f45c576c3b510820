using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PublicProtectionHub.VictimContact.Data.Migrations
{
    /// <inheritdoc />
    public partial class CallBreaches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "call_breaches",
                schema: "victims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    CallCount = table.Column<int>(type: "integer", nullable: false),
                    Connected = table.Column<bool>(type: "boolean", nullable: false),
                    Severity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActionTaken = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ActionBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ActionAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_call_breaches", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_call_breaches_CaseId",
                schema: "victims",
                table: "call_breaches",
                column: "CaseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "call_breaches",
                schema: "victims");
        }
    }
}
