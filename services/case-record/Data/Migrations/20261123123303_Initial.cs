using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PublicProtectionHub.CaseRecord.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "audit");

            migrationBuilder.EnsureSchema(
                name: "messaging");

            migrationBuilder.EnsureSchema(
                name: "register");

            migrationBuilder.EnsureSchema(
                name: "access");

            migrationBuilder.CreateTable(
                name: "entries",
                schema: "audit",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    role = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    agency = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    client_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    action = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    records = table.Column<List<string>>(type: "text[]", nullable: false),
                    justification = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    recipients = table.Column<List<string>>(type: "text[]", nullable: false),
                    correlation_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    operation = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    previous_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_entries", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                schema: "messaging",
                columns: table => new
                {
                    consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_messages", x => new { x.consumer, x.message_id });
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "messaging",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stream_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    message_type = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    body = table.Column<string>(type: "jsonb", nullable: false),
                    trace_parent = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    trace_state = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    dispatched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "people",
                schema: "register",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NomsNumber = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    Crn = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    PncId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CroNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    GivenName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    Flags_MappaNominal = table.Column<bool>(type: "boolean", nullable: false),
                    Flags_PublicProtection = table.Column<bool>(type: "boolean", nullable: false),
                    Flags_InScope = table.Column<bool>(type: "boolean", nullable: false),
                    Flags_VictimContact = table.Column<bool>(type: "boolean", nullable: false),
                    Responsibilities_EstablishmentCode = table.Column<string>(type: "text", nullable: true),
                    Responsibilities_InCommunity = table.Column<bool>(type: "boolean", nullable: false),
                    Responsibilities_OffenderSupervisor = table.Column<string>(type: "text", nullable: true),
                    Responsibilities_OffenderManager = table.Column<string>(type: "text", nullable: true),
                    Responsibilities_ProbationDeliveryUnit = table.Column<string>(type: "text", nullable: true),
                    Responsibilities_PoliceForce = table.Column<string>(type: "text", nullable: true),
                    Responsibilities_VictimLiaisonUnits = table.Column<List<string>>(type: "text[]", nullable: false),
                    Responsibilities_MappaArea = table.Column<string>(type: "text", nullable: true),
                    Responsibilities_ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "responsibilities",
                schema: "access",
                columns: table => new
                {
                    person_key = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    noms_number = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    crn = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    establishment_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    in_community = table.Column<bool>(type: "boolean", nullable: false),
                    offender_supervisor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    offender_manager = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    pdu = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    police_force = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    victim_liaison_units = table.Column<List<string>>(type: "text[]", nullable: false),
                    mappa_area = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_responsibilities", x => x.person_key);
                });

            migrationBuilder.CreateTable(
                name: "responsibility_history",
                schema: "register",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Responsibilities_EstablishmentCode = table.Column<string>(type: "text", nullable: true),
                    Responsibilities_InCommunity = table.Column<bool>(type: "boolean", nullable: false),
                    Responsibilities_OffenderSupervisor = table.Column<string>(type: "text", nullable: true),
                    Responsibilities_OffenderManager = table.Column<string>(type: "text", nullable: true),
                    Responsibilities_ProbationDeliveryUnit = table.Column<string>(type: "text", nullable: true),
                    Responsibilities_PoliceForce = table.Column<string>(type: "text", nullable: true),
                    Responsibilities_VictimLiaisonUnits = table.Column<List<string>>(type: "text[]", nullable: false),
                    Responsibilities_MappaArea = table.Column<string>(type: "text", nullable: true),
                    Responsibilities_ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_responsibility_history", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_entries_id",
                schema: "audit",
                table: "entries",
                column: "id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_entries_occurred_at",
                schema: "audit",
                table: "entries",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "IX_entries_records",
                schema: "audit",
                table: "entries",
                column: "records")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "IX_entries_subject",
                schema: "audit",
                table: "entries",
                column: "subject");

            migrationBuilder.CreateIndex(
                name: "IX_inbox_messages_received_at",
                schema: "messaging",
                table: "inbox_messages",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_message_id",
                schema: "messaging",
                table: "outbox_messages",
                column: "message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending",
                schema: "messaging",
                table: "outbox_messages",
                column: "sequence",
                filter: "dispatched_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_sent",
                schema: "messaging",
                table: "outbox_messages",
                column: "dispatched_at",
                filter: "dispatched_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_people_Crn",
                schema: "register",
                table: "people",
                column: "Crn",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_people_NomsNumber",
                schema: "register",
                table: "people",
                column: "NomsNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_responsibilities_crn",
                schema: "access",
                table: "responsibilities",
                column: "crn");

            migrationBuilder.CreateIndex(
                name: "IX_responsibilities_establishment_code",
                schema: "access",
                table: "responsibilities",
                column: "establishment_code");

            migrationBuilder.CreateIndex(
                name: "IX_responsibilities_noms_number",
                schema: "access",
                table: "responsibilities",
                column: "noms_number");

            migrationBuilder.CreateIndex(
                name: "IX_responsibilities_offender_manager",
                schema: "access",
                table: "responsibilities",
                column: "offender_manager");

            migrationBuilder.CreateIndex(
                name: "IX_responsibilities_police_force",
                schema: "access",
                table: "responsibilities",
                column: "police_force");

            migrationBuilder.CreateIndex(
                name: "IX_responsibility_history_PersonId",
                schema: "register",
                table: "responsibility_history",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "entries",
                schema: "audit");

            migrationBuilder.DropTable(
                name: "inbox_messages",
                schema: "messaging");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "messaging");

            migrationBuilder.DropTable(
                name: "people",
                schema: "register");

            migrationBuilder.DropTable(
                name: "responsibilities",
                schema: "access");

            migrationBuilder.DropTable(
                name: "responsibility_history",
                schema: "register");
        }
    }
}
