using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ChefsRekrytering.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Ledarakademin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Kompetensvaxling",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    KommunId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    SistaDag = table.Column<DateOnly>(type: "date", nullable: false),
                    Anledning = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartadAv = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartadUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Kompetensvaxling", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Kompetensvaxling_Personer_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Personer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Utvecklingsaktivitet",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    KommunId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    Typ = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Datum = table.Column<DateOnly>(type: "date", nullable: false),
                    Beskrivning = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RegistreradAv = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RegistreradUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Utvecklingsaktivitet", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Utvecklingsaktivitet_Personer_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Personer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KompetensvaxlingPunkt",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    KommunId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    KompetensvaxlingId = table.Column<int>(type: "integer", nullable: false),
                    Rubrik = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Beskrivning = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Ordning = table.Column<int>(type: "integer", nullable: false),
                    KlarUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    KlarAv = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KompetensvaxlingPunkt", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KompetensvaxlingPunkt_Kompetensvaxling_KompetensvaxlingId",
                        column: x => x.KompetensvaxlingId,
                        principalTable: "Kompetensvaxling",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Kompetensvaxling_KommunId",
                table: "Kompetensvaxling",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Kompetensvaxling_PersonId",
                table: "Kompetensvaxling",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_KompetensvaxlingPunkt_KommunId",
                table: "KompetensvaxlingPunkt",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_KompetensvaxlingPunkt_KompetensvaxlingId",
                table: "KompetensvaxlingPunkt",
                column: "KompetensvaxlingId");

            migrationBuilder.CreateIndex(
                name: "IX_Utvecklingsaktivitet_KommunId",
                table: "Utvecklingsaktivitet",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Utvecklingsaktivitet_PersonId_Datum",
                table: "Utvecklingsaktivitet",
                columns: new[] { "PersonId", "Datum" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "KompetensvaxlingPunkt");

            migrationBuilder.DropTable(
                name: "Utvecklingsaktivitet");

            migrationBuilder.DropTable(
                name: "Kompetensvaxling");
        }
    }
}
