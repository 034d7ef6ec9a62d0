using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExecutionHub.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class StatisticsIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_StreetId_FiledOn",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_GridId_AssignedAtUtc_DueAtUtc_SubmittedAtUtc",
                table: "Tasks",
                columns: new[] { "GridId", "AssignedAtUtc", "DueAtUtc", "SubmittedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_StreetId_FiledOn_CommunityId_Cause_Industry_Status_AmountOwed_AmountRecovered",
                table: "Cases",
                columns: new[] { "StreetId", "FiledOn", "CommunityId", "Cause", "Industry", "Status", "AmountOwed", "AmountRecovered" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tasks_GridId_AssignedAtUtc_DueAtUtc_SubmittedAtUtc",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Cases_StreetId_FiledOn_CommunityId_Cause_Industry_Status_AmountOwed_AmountRecovered",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_StreetId_FiledOn",
                table: "Cases",
                columns: new[] { "StreetId", "FiledOn" });
        }
    }
}
