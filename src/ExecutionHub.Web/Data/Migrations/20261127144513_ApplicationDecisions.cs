using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExecutionHub.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ApplicationDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Decision",
                table: "Matters",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Decision",
                table: "Matters");
        }
    }
}
