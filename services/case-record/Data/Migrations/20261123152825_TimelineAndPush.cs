using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PublicProtectionHub.CaseRecord.Data.Migrations
{
    /// <inheritdoc />
    public partial class TimelineAndPush : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "timeline");

            migrationBuilder.EnsureSchema(
                name: "push");

            migrationBuilder.AddColumn<List<string>>(
                name: "ProhibitedContactOrders",
                schema: "register",
                table: "people",
                type: "text[]",
                nullable: false);

            migrationBuilder.AddColumn<string>(
                name: "RoshCommunity",
                schema: "register",
                table: "people",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RoshCustody",
                schema: "register",
                table: "people",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "entries",
                schema: "timeline",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Source = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    EventType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    InformationClass = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Classification = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Priority = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    OrderReference = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    EstablishmentCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SourceReference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_entries1", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_counters",
                schema: "push",
                columns: table => new
                {
                    user_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    last_sequence = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_counters", x => x.user_name);
                });

            migrationBuilder.CreateTable(
                name: "practitioners",
                schema: "push",
                columns: table => new
                {
                    UserName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Establishment = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Force = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    VictimLiaisonUnit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    MappaArea = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ProbationDeliveryUnit = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Duty = table.Column<bool>(type: "boolean", nullable: false),
                    Disabled = table.Column<bool>(type: "boolean", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_practitioners", x => x.UserName);
                });

            migrationBuilder.CreateTable(
                name: "inbox_items",
                schema: "push",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    TimelineEntryId = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Priority = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RecipientRole = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    RecipientScope = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    EscalateAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EscalatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inbox_items_entries_TimelineEntryId",
                        column: x => x.TimelineEntryId,
                        principalSchema: "timeline",
                        principalTable: "entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_entries_PersonId_Id",
                schema: "timeline",
                table: "entries",
                columns: new[] { "PersonId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_entries_SourceReference",
                schema: "timeline",
                table: "entries",
                column: "SourceReference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inbox_items_EscalateAt",
                schema: "push",
                table: "inbox_items",
                column: "EscalateAt",
                filter: "\"AcknowledgedAt\" IS NULL AND \"EscalatedAt\" IS NULL AND \"EscalateAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_inbox_items_TimelineEntryId",
                schema: "push",
                table: "inbox_items",
                column: "TimelineEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_inbox_items_UserName_Sequence",
                schema: "push",
                table: "inbox_items",
                columns: new[] { "UserName", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inbox_items_UserName_TimelineEntryId",
                schema: "push",
                table: "inbox_items",
                columns: new[] { "UserName", "TimelineEntryId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_practitioners_Role_Establishment",
                schema: "push",
                table: "practitioners",
                columns: new[] { "Role", "Establishment" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inbox_counters",
                schema: "push");

            migrationBuilder.DropTable(
                name: "inbox_items",
                schema: "push");

            migrationBuilder.DropTable(
                name: "practitioners",
                schema: "push");

            migrationBuilder.DropTable(
                name: "entries",
                schema: "timeline");

            migrationBuilder.DropColumn(
                name: "ProhibitedContactOrders",
                schema: "register",
                table: "people");

            migrationBuilder.DropColumn(
                name: "RoshCommunity",
                schema: "register",
                table: "people");

            migrationBuilder.DropColumn(
                name: "RoshCustody",
                schema: "register",
                table: "people");
        }
    }
}
