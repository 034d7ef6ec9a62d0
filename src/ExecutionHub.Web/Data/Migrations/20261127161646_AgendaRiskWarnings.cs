using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExecutionHub.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AgendaRiskWarnings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "RiskWarningId",
                table: "AgendaItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_RiskWarningId",
                table: "AgendaItems",
                column: "RiskWarningId");

            migrationBuilder.AddForeignKey(
                name: "FK_AgendaItems_RiskWarnings_RiskWarningId",
                table: "AgendaItems",
                column: "RiskWarningId",
                principalTable: "RiskWarnings",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AgendaItems_RiskWarnings_RiskWarningId",
                table: "AgendaItems");

            migrationBuilder.DropIndex(
                name: "IX_AgendaItems_RiskWarningId",
                table: "AgendaItems");

            migrationBuilder.DropColumn(
                name: "RiskWarningId",
                table: "AgendaItems");
        }
    }
}
