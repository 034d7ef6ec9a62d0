using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExecutionHub.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class WindowVisits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WindowVisits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StreetId = table.Column<int>(type: "INTEGER", nullable: false),
                    VisitedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    VisitorKind = table.Column<int>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<int>(type: "INTEGER", nullable: false),
                    VisitorName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    VisitorPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    StaffId = table.Column<string>(type: "TEXT", nullable: false),
                    LoggedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MatterId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WindowVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WindowVisits_AspNetUsers_StaffId",
                        column: x => x.StaffId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WindowVisits_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WindowVisits_Matters_MatterId",
                        column: x => x.MatterId,
                        principalTable: "Matters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WindowVisits_Streets_StreetId",
                        column: x => x.StreetId,
                        principalTable: "Streets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WindowVisits_CaseId",
                table: "WindowVisits",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_WindowVisits_MatterId",
                table: "WindowVisits",
                column: "MatterId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WindowVisits_StaffId",
                table: "WindowVisits",
                column: "StaffId");

            migrationBuilder.CreateIndex(
                name: "IX_WindowVisits_StreetId_Purpose_VisitedAtUtc",
                table: "WindowVisits",
                columns: new[] { "StreetId", "Purpose", "VisitedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_WindowVisits_StreetId_VisitedAtUtc",
                table: "WindowVisits",
                columns: new[] { "StreetId", "VisitedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WindowVisits");
        }
    }
}
