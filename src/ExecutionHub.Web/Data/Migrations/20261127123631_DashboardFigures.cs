using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExecutionHub.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class DashboardFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Matters_FirstFedBackAtUtc",
                table: "Matters");

            migrationBuilder.AddColumn<bool>(
                name: "FedBackOnTime",
                table: "Matters",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FeedbackCycleSeconds",
                table: "Matters",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FirstFedBackOn",
                table: "Matters",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Outcome",
                table: "Matters",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReceivedOn",
                table: "Matters",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_Matters_CourtId_FeedbackCycleSeconds_FirstFedBackOn_StreetId_JudgeId_Type",
                table: "Matters",
                columns: new[] { "CourtId", "FeedbackCycleSeconds", "FirstFedBackOn", "StreetId", "JudgeId", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_Matters_CourtId_FirstFedBackOn_StreetId_JudgeId_Type_Outcome_FeedbackCycleSeconds_FedBackOnTime",
                table: "Matters",
                columns: new[] { "CourtId", "FirstFedBackOn", "StreetId", "JudgeId", "Type", "Outcome", "FeedbackCycleSeconds", "FedBackOnTime" });

            migrationBuilder.CreateIndex(
                name: "IX_Matters_CourtId_ReceivedOn_StreetId_JudgeId_Type",
                table: "Matters",
                columns: new[] { "CourtId", "ReceivedOn", "StreetId", "JudgeId", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_Matters_StreetId_FeedbackCycleSeconds_FirstFedBackOn_CourtId_JudgeId_Type",
                table: "Matters",
                columns: new[] { "StreetId", "FeedbackCycleSeconds", "FirstFedBackOn", "CourtId", "JudgeId", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_Matters_StreetId_FirstFedBackOn_CourtId_JudgeId_Type_Outcome_FeedbackCycleSeconds_FedBackOnTime",
                table: "Matters",
                columns: new[] { "StreetId", "FirstFedBackOn", "CourtId", "JudgeId", "Type", "Outcome", "FeedbackCycleSeconds", "FedBackOnTime" });

            migrationBuilder.CreateIndex(
                name: "IX_Matters_StreetId_ReceivedOn_CourtId_JudgeId_Type",
                table: "Matters",
                columns: new[] { "StreetId", "ReceivedOn", "CourtId", "JudgeId", "Type" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Matters_CourtId_FeedbackCycleSeconds_FirstFedBackOn_StreetId_JudgeId_Type",
                table: "Matters");

            migrationBuilder.DropIndex(
                name: "IX_Matters_CourtId_FirstFedBackOn_StreetId_JudgeId_Type_Outcome_FeedbackCycleSeconds_FedBackOnTime",
                table: "Matters");

            migrationBuilder.DropIndex(
                name: "IX_Matters_CourtId_ReceivedOn_StreetId_JudgeId_Type",
                table: "Matters");

            migrationBuilder.DropIndex(
                name: "IX_Matters_StreetId_FeedbackCycleSeconds_FirstFedBackOn_CourtId_JudgeId_Type",
                table: "Matters");

            migrationBuilder.DropIndex(
                name: "IX_Matters_StreetId_FirstFedBackOn_CourtId_JudgeId_Type_Outcome_FeedbackCycleSeconds_FedBackOnTime",
                table: "Matters");

            migrationBuilder.DropIndex(
                name: "IX_Matters_StreetId_ReceivedOn_CourtId_JudgeId_Type",
                table: "Matters");

            migrationBuilder.DropColumn(
                name: "FedBackOnTime",
                table: "Matters");

            migrationBuilder.DropColumn(
                name: "FeedbackCycleSeconds",
                table: "Matters");

            migrationBuilder.DropColumn(
                name: "FirstFedBackOn",
                table: "Matters");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "Matters");

            migrationBuilder.DropColumn(
                name: "ReceivedOn",
                table: "Matters");

            migrationBuilder.CreateIndex(
                name: "IX_Matters_FirstFedBackAtUtc",
                table: "Matters",
                column: "FirstFedBackAtUtc");
        }
    }
}
