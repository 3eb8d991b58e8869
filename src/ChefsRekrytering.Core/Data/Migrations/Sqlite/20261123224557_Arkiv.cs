using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChefsRekrytering.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Arkiv : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AvbrutenUtc",
                table: "Rekrytering",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GallringsStoppAv",
                table: "Rekrytering",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GallringsStoppSkal",
                table: "Rekrytering",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "GallringsStoppUtc",
                table: "Rekrytering",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Radering",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UtfordAv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Vad = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Skal = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Radering", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Radering_AtUtc",
                table: "Radering",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Radering_KommunId",
                table: "Radering",
                column: "KommunId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Radering");

            migrationBuilder.DropColumn(
                name: "AvbrutenUtc",
                table: "Rekrytering");

            migrationBuilder.DropColumn(
                name: "GallringsStoppAv",
                table: "Rekrytering");

            migrationBuilder.DropColumn(
                name: "GallringsStoppSkal",
                table: "Rekrytering");

            migrationBuilder.DropColumn(
                name: "GallringsStoppUtc",
                table: "Rekrytering");
        }
    }
}
