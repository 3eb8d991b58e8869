using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ChefsRekrytering.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AretsChef : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AretsChefKampanjer",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    KommunId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Ar = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    SkapadUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Oppnar = table.Column<DateOnly>(type: "date", nullable: false),
                    SistaDag = table.Column<DateOnly>(type: "date", nullable: false),
                    JurynSerNominatorer = table.Column<bool>(type: "boolean", nullable: false),
                    Offentlig = table.Column<bool>(type: "boolean", nullable: false),
                    InbjudenTillOchMedPersonId = table.Column<int>(type: "integer", nullable: false),
                    InbjudningarSkickadeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    VinnarePersonId = table.Column<int>(type: "integer", nullable: true),
                    VinnareNamn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    VinnareEnhet = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Motivering = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    BeslutadUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    BeslutadAv = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TillkannagivenUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AretsChefKampanjer", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AretsChefKampanjer_Personer_VinnarePersonId",
                        column: x => x.VinnarePersonId,
                        principalTable: "Personer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "AretsChefJurybedomningar",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    KommunId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    KampanjId = table.Column<int>(type: "integer", nullable: false),
                    ChefPersonId = table.Column<int>(type: "integer", nullable: false),
                    JurorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    JurorNamn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Poang = table.Column<int>(type: "integer", nullable: false),
                    Anteckning = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AndradUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AretsChefJurybedomningar", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AretsChefJurybedomningar_AretsChefKampanjer_KampanjId",
                        column: x => x.KampanjId,
                        principalTable: "AretsChefKampanjer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AretsChefJurybedomningar_Personer_ChefPersonId",
                        column: x => x.ChefPersonId,
                        principalTable: "Personer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AretsChefKortlista",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    KommunId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    KampanjId = table.Column<int>(type: "integer", nullable: false),
                    ChefPersonId = table.Column<int>(type: "integer", nullable: false),
                    TillagdAv = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TillagdUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AretsChefKortlista", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AretsChefKortlista_AretsChefKampanjer_KampanjId",
                        column: x => x.KampanjId,
                        principalTable: "AretsChefKampanjer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AretsChefKortlista_Personer_ChefPersonId",
                        column: x => x.ChefPersonId,
                        principalTable: "Personer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AretsChefNomineringar",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    KommunId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    KampanjId = table.Column<int>(type: "integer", nullable: false),
                    NominatorPersonId = table.Column<int>(type: "integer", nullable: false),
                    ChefPersonId = table.Column<int>(type: "integer", nullable: false),
                    EnhetId = table.Column<int>(type: "integer", nullable: true),
                    Motiveringar = table.Column<string>(type: "text", nullable: false),
                    SkapadUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AndradUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AretsChefNomineringar", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AretsChefNomineringar_AretsChefKampanjer_KampanjId",
                        column: x => x.KampanjId,
                        principalTable: "AretsChefKampanjer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AretsChefNomineringar_Personer_ChefPersonId",
                        column: x => x.ChefPersonId,
                        principalTable: "Personer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AretsChefNomineringar_Personer_NominatorPersonId",
                        column: x => x.NominatorPersonId,
                        principalTable: "Personer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AretsChefJurybedomningar_ChefPersonId",
                table: "AretsChefJurybedomningar",
                column: "ChefPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_AretsChefJurybedomningar_KampanjId_ChefPersonId_JurorUserId",
                table: "AretsChefJurybedomningar",
                columns: new[] { "KampanjId", "ChefPersonId", "JurorUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AretsChefJurybedomningar_KommunId",
                table: "AretsChefJurybedomningar",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_AretsChefKampanjer_KommunId",
                table: "AretsChefKampanjer",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_AretsChefKampanjer_KommunId_Ar",
                table: "AretsChefKampanjer",
                columns: new[] { "KommunId", "Ar" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AretsChefKampanjer_VinnarePersonId",
                table: "AretsChefKampanjer",
                column: "VinnarePersonId");

            migrationBuilder.CreateIndex(
                name: "IX_AretsChefKortlista_ChefPersonId",
                table: "AretsChefKortlista",
                column: "ChefPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_AretsChefKortlista_KampanjId_ChefPersonId",
                table: "AretsChefKortlista",
                columns: new[] { "KampanjId", "ChefPersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AretsChefKortlista_KommunId",
                table: "AretsChefKortlista",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_AretsChefNomineringar_ChefPersonId",
                table: "AretsChefNomineringar",
                column: "ChefPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_AretsChefNomineringar_KampanjId_ChefPersonId",
                table: "AretsChefNomineringar",
                columns: new[] { "KampanjId", "ChefPersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_AretsChefNomineringar_KampanjId_NominatorPersonId",
                table: "AretsChefNomineringar",
                columns: new[] { "KampanjId", "NominatorPersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AretsChefNomineringar_KommunId",
                table: "AretsChefNomineringar",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_AretsChefNomineringar_NominatorPersonId",
                table: "AretsChefNomineringar",
                column: "NominatorPersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AretsChefJurybedomningar");

            migrationBuilder.DropTable(
                name: "AretsChefKortlista");

            migrationBuilder.DropTable(
                name: "AretsChefNomineringar");

            migrationBuilder.DropTable(
                name: "AretsChefKampanjer");
        }
    }
}
