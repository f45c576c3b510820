using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PublicProtectionHub.VictimContact.Data.Migrations
{
    /// <inheritdoc />
    public partial class VictimContactCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "victims");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:postgis", ",,");

            migrationBuilder.CreateTable(
                name: "approved_addresses",
                schema: "victims",
                columns: table => new
                {
                    PersonKey = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Location = table.Column<Point>(type: "geometry(Point,4326)", nullable: false),
                    GivenBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GivenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_approved_addresses", x => x.PersonKey);
                });

            migrationBuilder.CreateTable(
                name: "cases",
                schema: "victims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NomsNumber = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    Crn = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    VictimLiaisonUnit = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    OffenceCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SentenceKind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    CustodialMonths = table.Column<int>(type: "integer", nullable: true),
                    SentencedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReferredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Statutory = table.Column<bool>(type: "boolean", nullable: false),
                    EligibilityReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReferralDue = table.Column<DateOnly>(type: "date", nullable: false),
                    FirstContactDue = table.Column<DateOnly>(type: "date", nullable: false),
                    FirstContactOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReferralOverdueNotifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FirstContactOverdueNotifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OpenedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosureReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "contact_log",
                schema: "victims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    VictimId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    KeyVersion = table.Column<int>(type: "integer", nullable: false),
                    Notes = table.Column<byte[]>(type: "bytea", nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contact_log", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "exclusion_zones",
                schema: "victims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    NomsNumber = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    Crn = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrderReference = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Shape = table.Column<Geometry>(type: "geometry(Geometry,4326)", nullable: false),
                    Windows = table.Column<string>(type: "jsonb", nullable: false),
                    ValidFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ValidUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DefinedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exclusion_zones", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "information_tasks",
                schema: "victims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    SourceEventId = table.Column<Guid>(type: "uuid", nullable: false),
                    SentenceEvent = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    MayDisclose = table.Column<List<string>>(type: "text[]", nullable: false, defaultValueSql: "'{}'::text[]"),
                    MustNotDisclose = table.Column<List<string>>(type: "text[]", nullable: false, defaultValueSql: "'{}'::text[]"),
                    Due = table.Column<DateOnly>(type: "date", nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CompletedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_information_tasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "prohibited_contact_orders",
                schema: "victims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ProtectedVictims = table.Column<List<Guid>>(type: "uuid[]", nullable: false, defaultValueSql: "'{}'::uuid[]"),
                    ProtectedOthers = table.Column<int>(type: "integer", nullable: false),
                    ProhibitedMeans = table.Column<List<string>>(type: "text[]", nullable: false, defaultValueSql: "'{}'::text[]"),
                    KeyVersion = table.Column<int>(type: "integer", nullable: false),
                    ProhibitedNumbers = table.Column<byte[]>(type: "bytea", nullable: true),
                    ProhibitedAddresses = table.Column<byte[]>(type: "bytea", nullable: true),
                    ValidFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ValidUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PublishedKeyVersions = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prohibited_contact_orders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "zone_breaches",
                schema: "victims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ZoneId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Location = table.Column<Point>(type: "geometry(Point,4326)", nullable: false),
                    ReportedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActionTaken = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ActionBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ActionAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_zone_breaches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "victims",
                schema: "victims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    KeyVersion = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<byte[]>(type: "bytea", nullable: true),
                    Address = table.Column<byte[]>(type: "bytea", nullable: true),
                    PhoneNumbers = table.Column<byte[]>(type: "bytea", nullable: true),
                    Email = table.Column<byte[]>(type: "bytea", nullable: true),
                    PreferredContactMethod = table.Column<byte[]>(type: "bytea", nullable: true),
                    Needs = table.Column<byte[]>(type: "bytea", nullable: true),
                    OptedIn = table.Column<bool>(type: "boolean", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ErasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_victims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_victims_cases_CaseId",
                        column: x => x.CaseId,
                        principalSchema: "victims",
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "opt_in_changes",
                schema: "victims",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VictimId = table.Column<Guid>(type: "uuid", nullable: false),
                    OptedIn = table.Column<bool>(type: "boolean", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_opt_in_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_opt_in_changes_victims_VictimId",
                        column: x => x.VictimId,
                        principalSchema: "victims",
                        principalTable: "victims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_Crn",
                schema: "victims",
                table: "cases",
                column: "Crn");

            migrationBuilder.CreateIndex(
                name: "IX_cases_NomsNumber",
                schema: "victims",
                table: "cases",
                column: "NomsNumber");

            migrationBuilder.CreateIndex(
                name: "IX_cases_VictimLiaisonUnit",
                schema: "victims",
                table: "cases",
                column: "VictimLiaisonUnit");

            migrationBuilder.CreateIndex(
                name: "IX_contact_log_CaseId",
                schema: "victims",
                table: "contact_log",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_exclusion_zones_Crn",
                schema: "victims",
                table: "exclusion_zones",
                column: "Crn");

            migrationBuilder.CreateIndex(
                name: "IX_exclusion_zones_NomsNumber",
                schema: "victims",
                table: "exclusion_zones",
                column: "NomsNumber");

            migrationBuilder.CreateIndex(
                name: "IX_exclusion_zones_Shape",
                schema: "victims",
                table: "exclusion_zones",
                column: "Shape")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "IX_information_tasks_CaseId_SourceEventId",
                schema: "victims",
                table: "information_tasks",
                columns: new[] { "CaseId", "SourceEventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_opt_in_changes_VictimId",
                schema: "victims",
                table: "opt_in_changes",
                column: "VictimId");

            migrationBuilder.CreateIndex(
                name: "IX_prohibited_contact_orders_CaseId",
                schema: "victims",
                table: "prohibited_contact_orders",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_prohibited_contact_orders_Reference",
                schema: "victims",
                table: "prohibited_contact_orders",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_victims_CaseId",
                schema: "victims",
                table: "victims",
                column: "CaseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "approved_addresses",
                schema: "victims");

            migrationBuilder.DropTable(
                name: "contact_log",
                schema: "victims");

            migrationBuilder.DropTable(
                name: "exclusion_zones",
                schema: "victims");

            migrationBuilder.DropTable(
                name: "information_tasks",
                schema: "victims");

            migrationBuilder.DropTable(
                name: "opt_in_changes",
                schema: "victims");

            migrationBuilder.DropTable(
                name: "prohibited_contact_orders",
                schema: "victims");

            migrationBuilder.DropTable(
                name: "zone_breaches",
                schema: "victims");

            migrationBuilder.DropTable(
                name: "victims",
                schema: "victims");

            migrationBuilder.DropTable(
                name: "cases",
                schema: "victims");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:postgis", ",,");
        }
    }
}
