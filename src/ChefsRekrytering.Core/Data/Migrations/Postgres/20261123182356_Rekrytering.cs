using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ChefsRekrytering.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    KommunId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Ar = table.Column<int>(type: "integer", nullable: false),
                    Senaste = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiarieSerie", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Rekrytering",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    KommunId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Diarienummer = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Titel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EnhetId = table.Column<int>(type: "integer", nullable: false),
                    AgareUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AgareNamn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    SkapadUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Behovsbeskrivning = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Anstallningsform = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Omfattning = table.Column<int>(type: "integer", nullable: false),
                    OnskatTilltrade = table.Column<DateOnly>(type: "date", nullable: true),
                    BehovGodkantUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    BehovGodkantAv = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LasUtfall = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    LasKommentar = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    LasKontrolleradUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LasKontrolleradAv = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Annonstext = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    SistaAnsokningsdag = table.Column<DateOnly>(type: "date", nullable: true),
                    PubliceradUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MblDatum = table.Column<DateOnly>(type: "date", nullable: true),
                    MblParter = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    MblUtfall = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    MblRegistreradAv = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    BeslutDatum = table.Column<DateOnly>(type: "date", nullable: true),
                    Beslutsfattare = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ValdKandidatId = table.Column<int>(type: "integer", nullable: true),
                    BeslutMotivering = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    TillsattUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AvbrottsSkal = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    BeslutUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    GallringsStopp = table.Column<bool>(type: "boolean", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    KommunId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RekryteringId = table.Column<int>(type: "integer", nullable: false),
                    Fornamn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Efternamn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Epost = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Telefon = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    InkomUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SamtyckeVersion = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SamtyckeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AtkomstHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MojligDubblettAvId = table.Column<int>(type: "integer", nullable: true),
                    UtfallMeddelatUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Startdatum = table.Column<DateOnly>(type: "date", nullable: true),
                    Erbjudandevillkor = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ErbjudetUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SvarUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    GallradUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    KommunId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RekryteringId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Faststalld = table.Column<bool>(type: "boolean", nullable: false),
                    FaststalldUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FaststalldAv = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    KommunId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RekryteringId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Namn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    KommunId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    KandidatId = table.Column<int>(type: "integer", nullable: false),
                    Namn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Relation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kontakt = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Anteckningar = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    TagenUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TagenAv = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    KommunId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    KravprofilId = table.Column<int>(type: "integer", nullable: false),
                    PolicyKravId = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    Omrade = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Vikt = table.Column<int>(type: "integer", nullable: false),
                    Intervjufraga = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Ordning = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    KommunId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    KandidatId = table.Column<int>(type: "integer", nullable: false),
                    KompetensId = table.Column<int>(type: "integer", nullable: false),
                    BedomareUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    BedomareNamn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Poang = table.Column<int>(type: "integer", nullable: false),
                    Kommentar = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SparadUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
