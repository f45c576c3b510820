using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PublicProtectionHub.TelephoneMonitoring.Data.Migrations
{
    /// <inheritdoc />
    public partial class Watchlist_calls_alerts_authorisations_intelligence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "alerts");

            migrationBuilder.EnsureSchema(
                name: "calls");

            migrationBuilder.EnsureSchema(
                name: "intelligence");

            migrationBuilder.EnsureSchema(
                name: "authorisations");

            migrationBuilder.EnsureSchema(
                name: "watchlist");

            migrationBuilder.CreateTable(
                name: "alerts",
                schema: "alerts",
                columns: table => new
                {
                    AlertId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonKey = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    NumberHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EstablishmentCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    OrderReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ConcernId = table.Column<Guid>(type: "uuid", nullable: true),
                    ChildContact = table.Column<bool>(type: "boolean", nullable: false),
                    CallCount = table.Column<int>(type: "integer", nullable: false),
                    Connected = table.Column<bool>(type: "boolean", nullable: false),
                    Severity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FirstCallAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastCallAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts", x => x.AlertId);
                });

            migrationBuilder.CreateTable(
                name: "call_records",
                schema: "calls",
                columns: table => new
                {
                    CallId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NomsNumber = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    PrisonId = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    DialledHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    KeyVersion = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DurationSeconds = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ContentMonitored = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_call_records", x => x.CallId);
                });

            migrationBuilder.CreateTable(
                name: "call_reviews",
                schema: "intelligence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CallId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PersonKey = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EstablishmentCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    SourceEvaluation = table.Column<int>(type: "integer", nullable: true),
                    IntelligenceAssessment = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: true),
                    HandlingCode = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: true),
                    HandlingConditions = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SharedWithPolice = table.Column<bool>(type: "boolean", nullable: false),
                    ReviewedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_call_reviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_authorisations",
                schema: "authorisations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonKey = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EstablishmentCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Reason = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    AuthorisedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReviewDate = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReviewDueNotifiedFor = table.Column<DateOnly>(type: "date", nullable: true),
                    EndNotified = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoring_authorisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "numbers_of_concern",
                schema: "watchlist",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonKey = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EstablishmentCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Reason = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    EnteredBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EnteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_numbers_of_concern", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "prohibited_contact_orders",
                schema: "watchlist",
                columns: table => new
                {
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrderReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PersonKey = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ValidFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ValidUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastEventAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prohibited_contact_orders", x => x.OrderId);
                });

            migrationBuilder.CreateTable(
                name: "watched_numbers",
                schema: "watchlist",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonKey = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    KeyVersion = table.Column<int>(type: "integer", nullable: false),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrderReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ConcernId = table.Column<Guid>(type: "uuid", nullable: true),
                    ChildContact = table.Column<bool>(type: "boolean", nullable: false),
                    ActiveFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActiveUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_watched_numbers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "renewals",
                schema: "authorisations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RenewedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RenewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PreviousEndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReviewDate = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_renewals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_renewals_monitoring_authorisations_AuthorisationId",
                        column: x => x.AuthorisationId,
                        principalSchema: "authorisations",
                        principalTable: "monitoring_authorisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_alerts_PersonKey_NumberHash_LastCallAt",
                schema: "alerts",
                table: "alerts",
                columns: new[] { "PersonKey", "NumberHash", "LastCallAt" });

            migrationBuilder.CreateIndex(
                name: "IX_call_records_DialledHash",
                schema: "calls",
                table: "call_records",
                column: "DialledHash");

            migrationBuilder.CreateIndex(
                name: "IX_call_records_NomsNumber_StartedAt",
                schema: "calls",
                table: "call_records",
                columns: new[] { "NomsNumber", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_call_records_StartedAt",
                schema: "calls",
                table: "call_records",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_call_reviews_PersonKey",
                schema: "intelligence",
                table: "call_reviews",
                column: "PersonKey");

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_authorisations_PersonKey_EndsAt",
                schema: "authorisations",
                table: "monitoring_authorisations",
                columns: new[] { "PersonKey", "EndsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_authorisations_ReviewDate",
                schema: "authorisations",
                table: "monitoring_authorisations",
                column: "ReviewDate");

            migrationBuilder.CreateIndex(
                name: "IX_numbers_of_concern_PersonKey",
                schema: "watchlist",
                table: "numbers_of_concern",
                column: "PersonKey");

            migrationBuilder.CreateIndex(
                name: "IX_renewals_AuthorisationId",
                schema: "authorisations",
                table: "renewals",
                column: "AuthorisationId");

            migrationBuilder.CreateIndex(
                name: "IX_watched_numbers_ConcernId",
                schema: "watchlist",
                table: "watched_numbers",
                column: "ConcernId");

            migrationBuilder.CreateIndex(
                name: "IX_watched_numbers_OrderId",
                schema: "watchlist",
                table: "watched_numbers",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_watched_numbers_PersonKey_Hash",
                schema: "watchlist",
                table: "watched_numbers",
                columns: new[] { "PersonKey", "Hash" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alerts",
                schema: "alerts");

            migrationBuilder.DropTable(
                name: "call_records",
                schema: "calls");

            migrationBuilder.DropTable(
                name: "call_reviews",
                schema: "intelligence");

            migrationBuilder.DropTable(
                name: "numbers_of_concern",
                schema: "watchlist");

            migrationBuilder.DropTable(
                name: "prohibited_contact_orders",
                schema: "watchlist");

            migrationBuilder.DropTable(
                name: "renewals",
                schema: "authorisations");

            migrationBuilder.DropTable(
                name: "watched_numbers",
                schema: "watchlist");

            migrationBuilder.DropTable(
                name: "monitoring_authorisations",
                schema: "authorisations");
        }
    }
}
