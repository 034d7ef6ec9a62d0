using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExecutionHub.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class JudgeOpenMattersIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Matters_JudgeId_CourtId_Status_DueAtUtc",
                table: "Matters",
                columns: new[] { "JudgeId", "CourtId", "Status", "DueAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Matters_JudgeId_CourtId_Status_DueAtUtc",
                table: "Matters");
        }
    }
}
