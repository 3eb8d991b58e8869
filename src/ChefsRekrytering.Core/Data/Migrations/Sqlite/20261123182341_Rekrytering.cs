using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChefsRekrytering.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Rekrytering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DiarieSerie",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Ar = table.Column<int>(type: "INTEGER", nullable: false),
                    Senaste = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiarieSerie", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Rekrytering",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Diarienummer = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Titel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EnhetId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgareUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AgareNamn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    SkapadUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Behovsbeskrivning = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Anstallningsform = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Omfattning = table.Column<int>(type: "INTEGER", nullable: false),
                    OnskatTilltrade = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    BehovGodkantUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    BehovGodkantAv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LasUtfall = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    LasKommentar = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LasKontrolleradUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LasKontrolleradAv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Annonstext = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    SistaAnsokningsdag = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PubliceradUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MblDatum = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MblParter = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    MblUtfall = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MblRegistreradAv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    BeslutDatum = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Beslutsfattare = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ValdKandidatId = table.Column<int>(type: "INTEGER", nullable: true),
                    BeslutMotivering = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    TillsattUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AvbrottsSkal = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    BeslutUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    GallringsStopp = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rekrytering", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Rekrytering_Enheter_EnhetId",
                        column: x => x.EnhetId,
                        principalTable: "Enheter",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Kandidat",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RekryteringId = table.Column<int>(type: "INTEGER", nullable: false),
                    Fornamn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Efternamn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Epost = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Telefon = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    InkomUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SamtyckeVersion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SamtyckeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AtkomstHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MojligDubblettAvId = table.Column<int>(type: "INTEGER", nullable: true),
                    UtfallMeddelatUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Startdatum = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Erbjudandevillkor = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ErbjudetUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SvarUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    GallradUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Kandidat", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Kandidat_Rekrytering_RekryteringId",
                        column: x => x.RekryteringId,
                        principalTable: "Rekrytering",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Kravprofil",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RekryteringId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Faststalld = table.Column<bool>(type: "INTEGER", nullable: false),
                    FaststalldUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FaststalldAv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Kravprofil", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Kravprofil_Rekrytering_RekryteringId",
                        column: x => x.RekryteringId,
                        principalTable: "Rekrytering",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PanelMedlem",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RekryteringId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Namn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelMedlem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelMedlem_Rekrytering_RekryteringId",
                        column: x => x.RekryteringId,
                        principalTable: "Rekrytering",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Referens",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    KandidatId = table.Column<int>(type: "INTEGER", nullable: false),
                    Namn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Relation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kontakt = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Anteckningar = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    TagenUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TagenAv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Referens_Kandidat_KandidatId",
                        column: x => x.KandidatId,
                        principalTable: "Kandidat",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KravprofilKompetens",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    KravprofilId = table.Column<int>(type: "INTEGER", nullable: false),
                    PolicyKravId = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Omrade = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Vikt = table.Column<int>(type: "INTEGER", nullable: false),
                    Intervjufraga = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Ordning = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KravprofilKompetens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KravprofilKompetens_Kravprofil_KravprofilId",
                        column: x => x.KravprofilId,
                        principalTable: "Kravprofil",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Bedomning",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    KandidatId = table.Column<int>(type: "INTEGER", nullable: false),
                    KompetensId = table.Column<int>(type: "INTEGER", nullable: false),
                    BedomareUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    BedomareNamn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Poang = table.Column<int>(type: "INTEGER", nullable: false),
                    Kommentar = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SparadUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bedomning", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Bedomning_Kandidat_KandidatId",
                        column: x => x.KandidatId,
                        principalTable: "Kandidat",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Bedomning_KravprofilKompetens_KompetensId",
                        column: x => x.KompetensId,
                        principalTable: "KravprofilKompetens",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Bedomning_KandidatId_KompetensId_BedomareUserId",
                table: "Bedomning",
                columns: new[] { "KandidatId", "KompetensId", "BedomareUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Bedomning_KommunId",
                table: "Bedomning",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Bedomning_KompetensId",
                table: "Bedomning",
                column: "KompetensId");

            migrationBuilder.CreateIndex(
                name: "IX_DiarieSerie_KommunId",
                table: "DiarieSerie",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_DiarieSerie_KommunId_Ar",
                table: "DiarieSerie",
                columns: new[] { "KommunId", "Ar" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Kandidat_AtkomstHash",
                table: "Kandidat",
                column: "AtkomstHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Kandidat_KommunId",
                table: "Kandidat",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Kandidat_RekryteringId_Epost",
                table: "Kandidat",
                columns: new[] { "RekryteringId", "Epost" });

            migrationBuilder.CreateIndex(
                name: "IX_Kravprofil_KommunId",
                table: "Kravprofil",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Kravprofil_RekryteringId_Version",
                table: "Kravprofil",
                columns: new[] { "RekryteringId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KravprofilKompetens_KommunId",
                table: "KravprofilKompetens",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_KravprofilKompetens_KravprofilId",
                table: "KravprofilKompetens",
                column: "KravprofilId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelMedlem_KommunId",
                table: "PanelMedlem",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelMedlem_RekryteringId_UserId",
                table: "PanelMedlem",
                columns: new[] { "RekryteringId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PanelMedlem_UserId",
                table: "PanelMedlem",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Referens_KandidatId",
                table: "Referens",
                column: "KandidatId");

            migrationBuilder.CreateIndex(
                name: "IX_Referens_KommunId",
                table: "Referens",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Rekrytering_EnhetId",
                table: "Rekrytering",
                column: "EnhetId");

            migrationBuilder.CreateIndex(
                name: "IX_Rekrytering_KommunId",
                table: "Rekrytering",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Rekrytering_KommunId_Diarienummer",
                table: "Rekrytering",
                columns: new[] { "KommunId", "Diarienummer" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Rekrytering_State",
                table: "Rekrytering",
                column: "State");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Bedomning");

            migrationBuilder.DropTable(
                name: "DiarieSerie");

            migrationBuilder.DropTable(
                name: "PanelMedlem");

            migrationBuilder.DropTable(
                name: "Referens");

            migrationBuilder.DropTable(
                name: "KravprofilKompetens");

            migrationBuilder.DropTable(
                name: "Kandidat");

            migrationBuilder.DropTable(
                name: "Kravprofil");

            migrationBuilder.DropTable(
                name: "Rekrytering");
        }
    }
}
