using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExecutionHub.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class RiskWarnings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Tags",
                table: "Cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "RiskRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Threshold = table.Column<int>(type: "INTEGER", nullable: false),
                    WindowDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Percent = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationsOnly = table.Column<bool>(type: "INTEGER", nullable: false),
                    Severity = table.Column<int>(type: "INTEGER", nullable: false),
                    SuggestedAction = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedById = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskRules_AspNetUsers_UpdatedById",
                        column: x => x.UpdatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "RiskWarnings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    StreetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rule = table.Column<int>(type: "INTEGER", nullable: false),
                    Severity = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CaseCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ApplicantCount = table.Column<int>(type: "INTEGER", nullable: false),
                    PreviousCount = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountOwed = table.Column<long>(type: "INTEGER", nullable: false),
                    Industry = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Tag = table.Column<int>(type: "INTEGER", nullable: false),
                    RespondentKind = table.Column<int>(type: "INTEGER", nullable: true),
                    SubjectPartyId = table.Column<int>(type: "INTEGER", nullable: true),
                    WindowDays = table.Column<int>(type: "INTEGER", nullable: false),
                    SuggestedAction = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EvidenceAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskWarnings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskWarnings_CaseParties_SubjectPartyId",
                        column: x => x.SubjectPartyId,
                        principalTable: "CaseParties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RiskWarnings_Streets_StreetId",
                        column: x => x.StreetId,
                        principalTable: "Streets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RiskWarningEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WarningId = table.Column<long>(type: "INTEGER", nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: true),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskWarningEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskWarningEvents_RiskWarnings_WarningId",
                        column: x => x.WarningId,
                        principalTable: "RiskWarnings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RiskRules_Kind",
                table: "RiskRules",
                column: "Kind",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RiskRules_UpdatedById",
                table: "RiskRules",
                column: "UpdatedById");

            migrationBuilder.CreateIndex(
                name: "IX_RiskWarningEvents_WarningId_AtUtc",
                table: "RiskWarningEvents",
                columns: new[] { "WarningId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskWarnings_Key",
                table: "RiskWarnings",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RiskWarnings_StreetId_State_Severity",
                table: "RiskWarnings",
                columns: new[] { "StreetId", "State", "Severity" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskWarnings_SubjectPartyId",
                table: "RiskWarnings",
                column: "SubjectPartyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RiskRules");

            migrationBuilder.DropTable(
                name: "RiskWarningEvents");

            migrationBuilder.DropTable(
                name: "RiskWarnings");

            migrationBuilder.DropColumn(
                name: "Tags",
                table: "Cases");
        }
    }
}
