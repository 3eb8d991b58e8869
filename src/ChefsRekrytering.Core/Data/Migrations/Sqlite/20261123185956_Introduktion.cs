using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChefsRekrytering.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Introduktion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Introduktion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ChefPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChefNamn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Befattning = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EnhetId = table.Column<int>(type: "INTEGER", nullable: true),
                    Startdatum = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AnstallandeChefUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AnstallandeChefNamn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RekryteringId = table.Column<int>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    SkapadUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    GenomfordUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ValkomstUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Introduktion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Introduktion_Personer_ChefPersonId",
                        column: x => x.ChefPersonId,
                        principalTable: "Personer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IntroduktionPunkt",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IntroduktionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Typ = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Rubrik = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Beskrivning = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Agare = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Forfaller = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Obligatorisk = table.Column<bool>(type: "INTEGER", nullable: false),
                    PolicyAvsnittId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Ordning = table.Column<int>(type: "INTEGER", nullable: false),
                    KlarUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    KlarAv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Kommentar = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PaminnelserSkickade = table.Column<int>(type: "INTEGER", nullable: false),
                    SenastPaminndUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntroduktionPunkt", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntroduktionPunkt_Introduktion_IntroduktionId",
                        column: x => x.IntroduktionId,
                        principalTable: "Introduktion",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Introduktion_ChefPersonId",
                table: "Introduktion",
                column: "ChefPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Introduktion_KommunId",
                table: "Introduktion",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_IntroduktionPunkt_IntroduktionId",
                table: "IntroduktionPunkt",
                column: "IntroduktionId");

            migrationBuilder.CreateIndex(
                name: "IX_IntroduktionPunkt_KommunId",
                table: "IntroduktionPunkt",
                column: "KommunId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IntroduktionPunkt");

            migrationBuilder.DropTable(
                name: "Introduktion");
        }
    }
}
