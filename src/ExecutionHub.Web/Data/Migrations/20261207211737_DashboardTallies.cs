using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExecutionHub.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class DashboardTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MatterCycleTallies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CycleHour = table.Column<int>(type: "INTEGER", nullable: false),
                    CourtId = table.Column<int>(type: "INTEGER", nullable: false),
                    StreetId = table.Column<int>(type: "INTEGER", nullable: false),
                    JudgeId = table.Column<string>(type: "TEXT", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatterCycleTallies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MatterDayTallies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    CourtId = table.Column<int>(type: "INTEGER", nullable: false),
                    StreetId = table.Column<int>(type: "INTEGER", nullable: false),
                    JudgeId = table.Column<string>(type: "TEXT", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Received = table.Column<int>(type: "INTEGER", nullable: false),
                    FedBack = table.Column<int>(type: "INTEGER", nullable: false),
                    CycleSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    OnTime = table.Column<int>(type: "INTEGER", nullable: false),
                    WhereaboutsFound = table.Column<int>(type: "INTEGER", nullable: false),
                    CluesVerified = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatterDayTallies", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MatterCycleTallies_Court_Hour",
                table: "MatterCycleTallies",
                columns: new[] { "CourtId", "CycleHour", "StreetId", "JudgeId", "Type", "Count" });

            migrationBuilder.CreateIndex(
                name: "IX_MatterCycleTallies_Street_Hour",
                table: "MatterCycleTallies",
                columns: new[] { "StreetId", "CycleHour", "CourtId", "JudgeId", "Type", "Count" });

            migrationBuilder.CreateIndex(
                name: "IX_MatterDayTallies_Court_Day",
                table: "MatterDayTallies",
                columns: new[] { "CourtId", "Day", "StreetId", "JudgeId", "Type", "Received", "FedBack", "CycleSeconds", "OnTime", "WhereaboutsFound", "CluesVerified" });

            migrationBuilder.CreateIndex(
                name: "IX_MatterDayTallies_Street_Day",
                table: "MatterDayTallies",
                columns: new[] { "StreetId", "Day", "CourtId", "JudgeId", "Type", "Received", "FedBack", "CycleSeconds", "OnTime", "WhereaboutsFound", "CluesVerified" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MatterCycleTallies");

            migrationBuilder.DropTable(
                name: "MatterDayTallies");
        }
    }
}
