using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PublicProtectionHub.CaseRecord.Data.Migrations
{
    /// <inheritdoc />
    public partial class HmppsEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "integrations");

            migrationBuilder.AddColumn<int>(
                name: "MappaCategory",
                schema: "register",
                table: "people",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MappaLevel",
                schema: "register",
                table: "people",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "RiskRegistrations",
                schema: "register",
                table: "people",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]"); // people already registered have none

            migrationBuilder.CreateTable(
                name: "hmpps_events",
                schema: "integrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReplayKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EventType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    BodyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NomsNumber = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    Crn = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hmpps_events", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_hmpps_events_PersonId_Kind_OccurredAt",
                schema: "integrations",
                table: "hmpps_events",
                columns: new[] { "PersonId", "Kind", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_hmpps_events_ReplayKey",
                schema: "integrations",
                table: "hmpps_events",
                column: "ReplayKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hmpps_events",
                schema: "integrations");

            migrationBuilder.DropColumn(
                name: "MappaCategory",
                schema: "register",
                table: "people");

            migrationBuilder.DropColumn(
                name: "MappaLevel",
                schema: "register",
                table: "people");

            migrationBuilder.DropColumn(
                name: "RiskRegistrations",
                schema: "register",
                table: "people");
        }
    }
}
