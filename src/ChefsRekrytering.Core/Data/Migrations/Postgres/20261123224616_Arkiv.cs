using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ChefsRekrytering.Data.Migrations.Postgres
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
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GallringsStoppAv",
                table: "Rekrytering",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GallringsStoppSkal",
                table: "Rekrytering",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "GallringsStoppUtc",
                table: "Rekrytering",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Radering",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    KommunId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    UtfordAv = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Vad = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Skal = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
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
