using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExecutionHub.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseLastActivity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Matters_CaseId",
                table: "Matters");

            migrationBuilder.DropIndex(
                name: "IX_Cases_JudgeId",
                table: "Cases");

            migrationBuilder.AddColumn<DateTime>(
                name: "LastActivityAtUtc",
                table: "Cases",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            // Existing cases start at their newest timeline line or, with none, where ExecutionCase.QuietSinceUtc
            // puts them: 00:00 in Shanghai of their filing day, unless they were entered before that.
            migrationBuilder.Sql(
                """
                UPDATE "Cases" SET "LastActivityAtUtc" = COALESCE(
                    (SELECT MAX("t"."AtUtc") FROM "Timeline" AS "t" WHERE "t"."CaseId" = "Cases"."Id"),
                    CASE WHEN "FiledOn" = '0001-01-01' OR datetime("FiledOn", '-8 hours') > "CreatedAtUtc" THEN "CreatedAtUtc"
                         ELSE datetime("FiledOn", '-8 hours') END);
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Matters_CaseId_Status",
                table: "Matters",
                columns: new[] { "CaseId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CourtId_LastActivityAtUtc_Status",
                table: "Cases",
                columns: new[] { "CourtId", "LastActivityAtUtc", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_JudgeId_CourtId_LastActivityAtUtc_Status",
                table: "Cases",
                columns: new[] { "JudgeId", "CourtId", "LastActivityAtUtc", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_StreetId_LastActivityAtUtc_Status",
                table: "Cases",
                columns: new[] { "StreetId", "LastActivityAtUtc", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseParties_Name_CaseId",
                table: "CaseParties",
                columns: new[] { "Name", "CaseId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Matters_CaseId_Status",
                table: "Matters");

            migrationBuilder.DropIndex(
                name: "IX_Cases_CourtId_LastActivityAtUtc_Status",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_JudgeId_CourtId_LastActivityAtUtc_Status",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_StreetId_LastActivityAtUtc_Status",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_CaseParties_Name_CaseId",
                table: "CaseParties");

            migrationBuilder.DropColumn(
                name: "LastActivityAtUtc",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Matters_CaseId",
                table: "Matters",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_JudgeId",
                table: "Cases",
                column: "JudgeId");
        }
    }
}
