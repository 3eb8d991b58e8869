using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ChefsRekrytering.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LedarakademinOchLedarskap : Migration
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
                name: "Sjalvskattning",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    KommunId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ChefPersonId = table.Column<int>(type: "integer", nullable: false),
                    Ar = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    SkapadUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    InlamnadUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SamtalKommentar = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    DiskuteradUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DiskuteradAv = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sjalvskattning", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sjalvskattning_Personer_ChefPersonId",
                        column: x => x.ChefPersonId,
                        principalTable: "Personer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Uppdragskontrakt",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    KommunId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ChefPersonId = table.Column<int>(type: "integer", nullable: false),
                    Versionsnummer = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    UppdragsgivarePersonId = table.Column<int>(type: "integer", nullable: true),
                    UppdragsgivareNamn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Ansvar = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Ataganden = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Resultatkrav = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Forvantningar = table.Column<List<string>>(type: "text[]", nullable: false),
                    ForvantningarKommentar = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ChefBekraftadUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UppdragsgivareBekraftadUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UppdragsgivareBekraftadAv = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    GiltigFran = table.Column<DateOnly>(type: "date", nullable: true),
                    OmprovasSenast = table.Column<DateOnly>(type: "date", nullable: true),
                    OmprovningPaminndUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ErsattUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SkapadUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Uppdragskontrakt", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Uppdragskontrakt_Personer_ChefPersonId",
                        column: x => x.ChefPersonId,
                        principalTable: "Personer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Uppdragskontrakt_Personer_UppdragsgivarePersonId",
                        column: x => x.UppdragsgivarePersonId,
                        principalTable: "Personer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
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

            migrationBuilder.CreateTable(
                name: "SjalvskattningRad",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    KommunId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SjalvskattningId = table.Column<int>(type: "integer", nullable: false),
                    KravId = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    OmradeId = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Omrade = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Ordning = table.Column<int>(type: "integer", nullable: false),
                    Betyg = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Kommentar = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SjalvskattningRad", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SjalvskattningRad_Sjalvskattning_SjalvskattningId",
                        column: x => x.SjalvskattningId,
                        principalTable: "Sjalvskattning",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UppdragskontraktKrav",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    KommunId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    UppdragskontraktId = table.Column<int>(type: "integer", nullable: false),
                    KravId = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Omrade = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Ordning = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UppdragskontraktKrav", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UppdragskontraktKrav_Uppdragskontrakt_UppdragskontraktId",
                        column: x => x.UppdragskontraktId,
                        principalTable: "Uppdragskontrakt",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UppdragskontraktOmprovning",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    KommunId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    UppdragskontraktId = table.Column<int>(type: "integer", nullable: false),
                    Datum = table.Column<DateOnly>(type: "date", nullable: false),
                    Anteckning = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Utfall = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RegistreradAv = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RegistreradUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UppdragskontraktOmprovning", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UppdragskontraktOmprovning_Uppdragskontrakt_Uppdragskontrak~",
                        column: x => x.UppdragskontraktId,
                        principalTable: "Uppdragskontrakt",
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
                name: "IX_Sjalvskattning_ChefPersonId_Ar",
                table: "Sjalvskattning",
                columns: new[] { "ChefPersonId", "Ar" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sjalvskattning_KommunId",
                table: "Sjalvskattning",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_SjalvskattningRad_KommunId",
                table: "SjalvskattningRad",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_SjalvskattningRad_SjalvskattningId_KravId",
                table: "SjalvskattningRad",
                columns: new[] { "SjalvskattningId", "KravId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Uppdragskontrakt_ChefPersonId_Versionsnummer",
                table: "Uppdragskontrakt",
                columns: new[] { "ChefPersonId", "Versionsnummer" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Uppdragskontrakt_KommunId",
                table: "Uppdragskontrakt",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Uppdragskontrakt_State_OmprovasSenast",
                table: "Uppdragskontrakt",
                columns: new[] { "State", "OmprovasSenast" });

            migrationBuilder.CreateIndex(
                name: "IX_Uppdragskontrakt_UppdragsgivarePersonId",
                table: "Uppdragskontrakt",
                column: "UppdragsgivarePersonId");

            migrationBuilder.CreateIndex(
                name: "IX_UppdragskontraktKrav_KommunId",
                table: "UppdragskontraktKrav",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_UppdragskontraktKrav_UppdragskontraktId",
                table: "UppdragskontraktKrav",
                column: "UppdragskontraktId");

            migrationBuilder.CreateIndex(
                name: "IX_UppdragskontraktOmprovning_KommunId",
                table: "UppdragskontraktOmprovning",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_UppdragskontraktOmprovning_UppdragskontraktId",
                table: "UppdragskontraktOmprovning",
                column: "UppdragskontraktId");

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
                name: "SjalvskattningRad");

            migrationBuilder.DropTable(
                name: "UppdragskontraktKrav");

            migrationBuilder.DropTable(
                name: "UppdragskontraktOmprovning");

            migrationBuilder.DropTable(
                name: "Utvecklingsaktivitet");

            migrationBuilder.DropTable(
                name: "Kompetensvaxling");

            migrationBuilder.DropTable(
                name: "Sjalvskattning");

            migrationBuilder.DropTable(
                name: "Uppdragskontrakt");
        }
    }
}
