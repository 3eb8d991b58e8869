using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChefsRekrytering.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListansIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Rekrytering_KommunId_State",
                table: "Rekrytering",
                columns: new[] { "KommunId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Kandidat_RekryteringId_KommunId",
                table: "Kandidat",
                columns: new[] { "RekryteringId", "KommunId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Rekrytering_KommunId_State",
                table: "Rekrytering");

            migrationBuilder.DropIndex(
                name: "IX_Kandidat_RekryteringId_KommunId",
                table: "Kandidat");
        }
    }
}
