using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExecutionHub.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ApiClientWebhooks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "WebhookSecretIssuedAtUtc",
                table: "ApiClients",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WebhookSecretProtected",
                table: "ApiClients",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WebhookUrl",
                table: "ApiClients",
                type: "TEXT",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WebhookSecretIssuedAtUtc",
                table: "ApiClients");

            migrationBuilder.DropColumn(
                name: "WebhookSecretProtected",
                table: "ApiClients");

            migrationBuilder.DropColumn(
                name: "WebhookUrl",
                table: "ApiClients");
        }
    }
}
