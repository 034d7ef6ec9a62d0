using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExecutionHub.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseAwaitsCompletion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_StreetId_FiledOn_CommunityId_Cause_Industry_Status_AmountOwed_AmountRecovered",
                table: "Cases");

            migrationBuilder.AddColumn<bool>(
                name: "AwaitsCompletion",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_StreetId_FiledOn_CommunityId_Cause_Industry_Status_AmountOwed_AmountRecovered_AwaitsCompletion",
                table: "Cases",
                columns: new[] { "StreetId", "FiledOn", "CommunityId", "Cause", "Industry", "Status", "AmountOwed", "AmountRecovered", "AwaitsCompletion" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_StreetId_FiledOn_CommunityId_Cause_Industry_Status_AmountOwed_AmountRecovered_AwaitsCompletion",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "AwaitsCompletion",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_StreetId_FiledOn_CommunityId_Cause_Industry_Status_AmountOwed_AmountRecovered",
                table: "Cases",
                columns: new[] { "StreetId", "FiledOn", "CommunityId", "Cause", "Industry", "Status", "AmountOwed", "AmountRecovered" });
        }
    }
}
