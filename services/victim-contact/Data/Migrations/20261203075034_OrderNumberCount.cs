using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PublicProtectionHub.VictimContact.Data.Migrations
{
    /// <inheritdoc />
    public partial class OrderNumberCount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ProhibitedNumberCount",
                schema: "victims",
                table: "prohibited_contact_orders",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProhibitedNumberCount",
                schema: "victims",
                table: "prohibited_contact_orders");
        }
    }
}
