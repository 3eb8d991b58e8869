using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChefsRekrytering.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Avveckling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEvent",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ObjectType = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ObjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvent", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AvvecklingsArende",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ChefPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChefNamn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AnsvarigPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    AnsvarigNamn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Initiering = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    InitieradAvNamn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Bakgrund = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    SkapadUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Utfall = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Utvardering = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SistaDagSomChef = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AvslutadUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AvvecklingsArende", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Atgard",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ArendeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Beskrivning = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Ansvarig = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ArStod = table.Column<bool>(type: "INTEGER", nullable: false),
                    Datum = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Uppfoljning = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    GenomfordUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PaminndUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Atgard", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Atgard_AvvecklingsArende_ArendeId",
                        column: x => x.ArendeId,
                        principalTable: "AvvecklingsArende",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Uppfoljningsanteckning",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AtgardId = table.Column<int>(type: "INTEGER", nullable: false),
                    SkrivenUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Av = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Uppfoljningsanteckning", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Uppfoljningsanteckning_Atgard_AtgardId",
                        column: x => x.AtgardId,
                        principalTable: "Atgard",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Atgard_ArendeId",
                table: "Atgard",
                column: "ArendeId");

            migrationBuilder.CreateIndex(
                name: "IX_Atgard_KommunId",
                table: "Atgard",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvent_AtUtc",
                table: "AuditEvent",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvent_KommunId",
                table: "AuditEvent",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvent_ObjectType_ObjectId_AtUtc",
                table: "AuditEvent",
                columns: new[] { "ObjectType", "ObjectId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AvvecklingsArende_AnsvarigPersonId",
                table: "AvvecklingsArende",
                column: "AnsvarigPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_AvvecklingsArende_ChefPersonId",
                table: "AvvecklingsArende",
                column: "ChefPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_AvvecklingsArende_KommunId",
                table: "AvvecklingsArende",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Uppfoljningsanteckning_AtgardId",
                table: "Uppfoljningsanteckning",
                column: "AtgardId");

            migrationBuilder.CreateIndex(
                name: "IX_Uppfoljningsanteckning_KommunId",
                table: "Uppfoljningsanteckning",
                column: "KommunId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEvent");

            migrationBuilder.DropTable(
                name: "Uppfoljningsanteckning");

            migrationBuilder.DropTable(
                name: "Atgard");

            migrationBuilder.DropTable(
                name: "AvvecklingsArende");
        }
    }
}
