using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExecutionHub.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReferenceCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "Streets",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "Communities",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StaffNumber",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Streets_CourtId_Code",
                table: "Streets",
                columns: new[] { "CourtId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Communities_StreetId_Code",
                table: "Communities",
                columns: new[] { "StreetId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_CourtId_StaffNumber",
                table: "AspNetUsers",
                columns: new[] { "CourtId", "StaffNumber" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Streets_CourtId_Code",
                table: "Streets");

            migrationBuilder.DropIndex(
                name: "IX_Communities_StreetId_Code",
                table: "Communities");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_CourtId_StaffNumber",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "Streets");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "Communities");

            migrationBuilder.DropColumn(
                name: "StaffNumber",
                table: "AspNetUsers");
        }
    }
}
