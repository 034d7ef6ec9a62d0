using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExecutionHub.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class WorkingGroupAssignments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "WorkingGroupId",
                table: "Tasks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Recommendation",
                table: "Matters",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Route",
                table: "Matters",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WorkingGroupId",
                table: "Matters",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_WorkingGroupId_AssigneeId_Status",
                table: "Tasks",
                columns: new[] { "WorkingGroupId", "AssigneeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Matters_WorkingGroupId_Status",
                table: "Matters",
                columns: new[] { "WorkingGroupId", "Status" });

            migrationBuilder.AddForeignKey(
                name: "FK_Matters_WorkingGroups_WorkingGroupId",
                table: "Matters",
                column: "WorkingGroupId",
                principalTable: "WorkingGroups",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Tasks_WorkingGroups_WorkingGroupId",
                table: "Tasks",
                column: "WorkingGroupId",
                principalTable: "WorkingGroups",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Matters_WorkingGroups_WorkingGroupId",
                table: "Matters");

            migrationBuilder.DropForeignKey(
                name: "FK_Tasks_WorkingGroups_WorkingGroupId",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_WorkingGroupId_AssigneeId_Status",
                table: "Tasks");

            migrationBuilder.DropIndex(
                name: "IX_Matters_WorkingGroupId_Status",
                table: "Matters");

            migrationBuilder.DropColumn(
                name: "WorkingGroupId",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "Recommendation",
                table: "Matters");

            migrationBuilder.DropColumn(
                name: "Route",
                table: "Matters");

            migrationBuilder.DropColumn(
                name: "WorkingGroupId",
                table: "Matters");
        }
    }
}
