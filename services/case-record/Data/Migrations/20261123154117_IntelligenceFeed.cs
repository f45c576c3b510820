using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PublicProtectionHub.CaseRecord.Data.Migrations
{
    /// <inheritdoc />
    public partial class IntelligenceFeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "feeds");

            migrationBuilder.CreateTable(
                name: "relay_positions",
                schema: "feeds",
                columns: table => new
                {
                    Relay = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    LastEntryId = table.Column<long>(type: "bigint", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_relay_positions", x => x.Relay);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "relay_positions",
                schema: "feeds");
        }
    }
}
