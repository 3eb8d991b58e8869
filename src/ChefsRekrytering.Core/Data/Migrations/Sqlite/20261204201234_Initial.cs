using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChefsRekrytering.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Aterkopplingsomgangar",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Ar = table.Column<int>(type: "INTEGER", nullable: false),
                    PolicyversionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SistaDag = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OppnadUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StangdUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AntalInbjudna = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Aterkopplingsomgangar", x => x.Id);
                });

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
                name: "Avslagsskal",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Nyckel = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SkapadUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PensioneradUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PensioneradAvNamn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Avslagsskal", x => x.Id);
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
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

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
                name: "InloggningsForsok",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Misslyckade = table.Column<int>(type: "INTEGER", nullable: false),
                    SenastUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    VantaTillUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InloggningsForsok", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Kommuner",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Namn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Organisationsnummer = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    SkapadUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Kommuner", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Mallversion",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Nyckel = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Nummer = table.Column<int>(type: "INTEGER", nullable: false),
                    Amne = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Rubrik = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Innehall = table.Column<string>(type: "TEXT", maxLength: 50000, nullable: false),
                    Namn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AterstallerNummer = table.Column<int>(type: "INTEGER", nullable: true),
                    SkapadUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SkapadAvUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SkapadAvNamn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mallversion", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Mote",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Uid = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Sekvens = table.Column<int>(type: "INTEGER", nullable: false),
                    Rubrik = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Beskrivning = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Plats = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    StartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SlutUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ArrangorNamn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ArrangorEpost = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Koppling = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mote", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessage",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToAddress = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ToName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    HtmlBody = table.Column<string>(type: "TEXT", nullable: false),
                    TextBody = table.Column<string>(type: "TEXT", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LockedUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SentUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeliveredAs = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessage", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PendingBlobDeletions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingBlobDeletions", x => x.Id);
                });

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

            migrationBuilder.CreateTable(
                name: "Rollbegaranden",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Namn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Roll = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    BegardAvUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    BegardAv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BegardUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Lage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    BeslutAvUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    BeslutAv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    BeslutUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rollbegaranden", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScheduledJob",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    JobType = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: true),
                    Data = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DueUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LockedUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduledJob", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UserSessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Ticket = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkflowTransitions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Workflow = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromState = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ToState = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ActorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowTransitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "Dokument",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OwnerType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OwnerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OriginalFileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Dokument", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Dokument_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Kolumnmappningar",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Anstallningsnummer = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Fornamn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Efternamn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Epost = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Enhetskod = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Enhetsnamn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OverordnadEnhet = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ChefensAnstallningsnummer = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Slutdatum = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Kolumnmappningar", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Kolumnmappningar_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Personalimporter",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Av = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Filnamn = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Rader = table.Column<int>(type: "INTEGER", nullable: false),
                    NyaPersoner = table.Column<int>(type: "INTEGER", nullable: false),
                    AndradePersoner = table.Column<int>(type: "INTEGER", nullable: false),
                    FlyttadePersoner = table.Column<int>(type: "INTEGER", nullable: false),
                    NyaEnheter = table.Column<int>(type: "INTEGER", nullable: false),
                    AndradeEnheter = table.Column<int>(type: "INTEGER", nullable: false),
                    NyaChefer = table.Column<int>(type: "INTEGER", nullable: false),
                    Lamnade = table.Column<int>(type: "INTEGER", nullable: false),
                    Aterkomna = table.Column<int>(type: "INTEGER", nullable: false),
                    Avvisade = table.Column<int>(type: "INTEGER", nullable: false),
                    Fil = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Personalimporter", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Personalimporter_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Policyversioner",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Nummer = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Utkast = table.Column<string>(type: "TEXT", nullable: true),
                    Innehall = table.Column<string>(type: "TEXT", nullable: true),
                    GiltigFran = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Andringar = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SkapadUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SkapadAv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PubliceradUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PubliceradAv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Policyversioner", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Policyversioner_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScimGrupp",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScimGrupp", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScimGrupp_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScimToken",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SkapadUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SkapadAv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GiltigTillUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AterkalladUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScimToken", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScimToken_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MotesDeltagare",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MoteId = table.Column<int>(type: "INTEGER", nullable: false),
                    Namn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Epost = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Sprak = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MotesDeltagare", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MotesDeltagare_Mote_MoteId",
                        column: x => x.MoteId,
                        principalTable: "Mote",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutboxAttachment",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OutboxMessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Inline = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxAttachment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutboxAttachment_OutboxMessage_OutboxMessageId",
                        column: x => x.OutboxMessageId,
                        principalTable: "OutboxMessage",
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

            migrationBuilder.CreateTable(
                name: "Anteckning",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    KandidatId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ForfattareUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ForfattareNamn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SkrivenUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Anteckning", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AretsChefBevakare",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    KampanjId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    SkapadUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AretsChefBevakare", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AretsChefInbjudna",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    KampanjId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    EnhetId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AretsChefInbjudna", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AretsChefJurybedomningar",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    KampanjId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChefPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    JurorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    JurorNamn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Poang = table.Column<int>(type: "INTEGER", nullable: false),
                    Anteckning = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AndradUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AretsChefJurybedomningar", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AretsChefKampanjer",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Ar = table.Column<int>(type: "INTEGER", nullable: false),
                    PolicyversionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kriterieversion = table.Column<int>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    SkapadUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Oppnar = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SistaDag = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    JurynSerNominatorer = table.Column<bool>(type: "INTEGER", nullable: false),
                    Offentlig = table.Column<bool>(type: "INTEGER", nullable: false),
                    InbjudenTillOchMedPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    InbjudningarSkickadeUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VinnarePersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    VinnareNamn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    VinnareEnhet = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Motivering = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    BeslutadUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    BeslutadAv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TillkannagivenUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AretsChefKampanjer", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AretsChefKortlista",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    KampanjId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChefPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    TillagdAv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TillagdUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                });

            migrationBuilder.CreateTable(
                name: "AretsChefNomineringar",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    KampanjId = table.Column<int>(type: "INTEGER", nullable: false),
                    NominatorPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChefPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    EnhetId = table.Column<int>(type: "INTEGER", nullable: true),
                    Motiveringar = table.Column<string>(type: "TEXT", nullable: false),
                    SkapadUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AndradUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Namn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AterkopplingDeltagande",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OmgangId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AterkopplingDeltagande", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AterkopplingDeltagande_Aterkopplingsomgangar_OmgangId",
                        column: x => x.OmgangId,
                        principalTable: "Aterkopplingsomgangar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AterkopplingSvar",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OmgangId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChefPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    ForvaltningId = table.Column<int>(type: "INTEGER", nullable: true),
                    Betyg = table.Column<string>(type: "TEXT", nullable: false),
                    Fritext = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AterkopplingSvar", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AterkopplingSvar_Aterkopplingsomgangar_OmgangId",
                        column: x => x.OmgangId,
                        principalTable: "Aterkopplingsomgangar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Avgangssamtal",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    KompetensvaxlingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Orsak = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Rekommenderar = table.Column<int>(type: "INTEGER", nullable: false),
                    StodFranChef = table.Column<int>(type: "INTEGER", nullable: false),
                    PolicynIPraktiken = table.Column<int>(type: "INTEGER", nullable: false),
                    Fungerade = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    BorAndras = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    BesvaratAv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BesvaratUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Avgangssamtal", x => x.Id);
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
                });

            migrationBuilder.CreateTable(
                name: "Bedomningspaminnelse",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    KandidatId = table.Column<int>(type: "INTEGER", nullable: false),
                    BedomareUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SkickadUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bedomningspaminnelse", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Enheter",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Namn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Typ = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kod = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    OverordnadId = table.Column<int>(type: "INTEGER", nullable: true),
                    ChefId = table.Column<int>(type: "INTEGER", nullable: true),
                    ChefSedan = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Enheter", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Enheter_Enheter_OverordnadId",
                        column: x => x.OverordnadId,
                        principalTable: "Enheter",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Enheter_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Personer",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Fornamn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Efternamn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Epost = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Telefon = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Titel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EnhetId = table.Column<int>(type: "INTEGER", nullable: true),
                    Aktiv = table.Column<bool>(type: "INTEGER", nullable: false),
                    Anstallningsnummer = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    AnstallningSlutar = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Personer", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Personer_Enheter_EnhetId",
                        column: x => x.EnhetId,
                        principalTable: "Enheter",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Personer_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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
                    YrkeBegrepp = table.Column<string>(type: "TEXT", nullable: true),
                    KommunBegrepp = table.Column<string>(type: "TEXT", nullable: true),
                    AnstallningstypBegrepp = table.Column<string>(type: "TEXT", nullable: true),
                    VaraktighetBegrepp = table.Column<string>(type: "TEXT", nullable: true),
                    ArbetstidBegrepp = table.Column<string>(type: "TEXT", nullable: true),
                    LonetypBegrepp = table.Column<string>(type: "TEXT", nullable: true),
                    ArbetsplatsGatuadress = table.Column<string>(type: "TEXT", nullable: true),
                    ArbetsplatsPostnummer = table.Column<string>(type: "TEXT", nullable: true),
                    ArbetsplatsOrt = table.Column<string>(type: "TEXT", nullable: true),
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
                    AvbrutenUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    GallringsStopp = table.Column<bool>(type: "INTEGER", nullable: false),
                    GallringsStoppSkal = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    GallringsStoppAv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    GallringsStoppUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnonymtUrval = table.Column<bool>(type: "INTEGER", nullable: false),
                    AnonymitetHavdUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnonymitetHavdAv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AnonymitetHavdSkal = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
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
                name: "Intresseanmalningar",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    SamtyckeVersion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SamtyckeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Intresse = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PolicyversionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SkapadUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AndradUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RekommenderadAvPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    RekommenderadAv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Rekommendation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RekommenderadUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Intresseanmalningar", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Intresseanmalningar_Personer_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Personer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Intresseanmalningar_Personer_RekommenderadAvPersonId",
                        column: x => x.RekommenderadAvPersonId,
                        principalTable: "Personer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Introduktion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ChefPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    PolicyversionId = table.Column<Guid>(type: "TEXT", nullable: true),
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
                    ValkomstUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ValkomstHinder = table.Column<string>(type: "TEXT", nullable: true)
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
                name: "Kompetensvaxling",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    SistaDag = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Anledning = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartadAv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartadUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                name: "ScimKoppling",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScimKoppling", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScimKoppling_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScimKoppling_Personer_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Personer",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Sjalvskattning",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ChefPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Ar = table.Column<int>(type: "INTEGER", nullable: false),
                    PolicyversionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    SkapadUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    InlamnadUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SamtalKommentar = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DiskuteradUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DiskuteradAv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ChefPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    PolicyversionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Versionsnummer = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UppdragsgivarePersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    UppdragsgivareNamn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Ansvar = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Ataganden = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Resultatkrav = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Forvantningar = table.Column<string>(type: "TEXT", nullable: false),
                    ForvantningarKommentar = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ChefBekraftadUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UppdragsgivareBekraftadUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UppdragsgivareBekraftadAv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    GiltigFran = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OmprovasSenast = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OmprovningPaminndUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ErsattUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SkapadUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Typ = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Datum = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Beskrivning = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RegistreradAv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegistreradUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    AvslagsskalNyckel = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AvslagsskalNamn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Startdatum = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Erbjudandevillkor = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ErbjudetUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SvarUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Sprak = table.Column<string>(type: "TEXT", nullable: false),
                    GallradUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnonymitetHavdUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                name: "Kandidatupplevelse",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RekryteringId = table.Column<int>(type: "INTEGER", nullable: false),
                    Utfall = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Betyg = table.Column<int>(type: "INTEGER", nullable: false),
                    Kommentar = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Datum = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Kandidatupplevelse", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Kandidatupplevelse_Rekrytering_RekryteringId",
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
                    PolicyversionId = table.Column<Guid>(type: "TEXT", nullable: true),
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
                name: "PlatsbankenAnnons",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RekryteringId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PlatsbankenId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Felmeddelande = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SenasteForsok = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SkickadUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlatsbankenAnnons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlatsbankenAnnons_Rekrytering_RekryteringId",
                        column: x => x.RekryteringId,
                        principalTable: "Rekrytering",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Urvalsfraga",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RekryteringId = table.Column<int>(type: "INTEGER", nullable: false),
                    Ordning = table.Column<int>(type: "INTEGER", nullable: false),
                    Typ = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Alternativtext = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ArKrav = table.Column<bool>(type: "INTEGER", nullable: false),
                    Kravvarde = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Urvalsfraga", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Urvalsfraga_Rekrytering_RekryteringId",
                        column: x => x.RekryteringId,
                        principalTable: "Rekrytering",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntresseSkattningar",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IntresseanmalanId = table.Column<int>(type: "INTEGER", nullable: false),
                    KravId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Omrade = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Ordning = table.Column<int>(type: "INTEGER", nullable: false),
                    Betyg = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntresseSkattningar", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntresseSkattningar_Intresseanmalningar_IntresseanmalanId",
                        column: x => x.IntresseanmalanId,
                        principalTable: "Intresseanmalningar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Poolinbjudningar",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IntresseanmalanId = table.Column<int>(type: "INTEGER", nullable: false),
                    RekryteringId = table.Column<int>(type: "INTEGER", nullable: false),
                    Tjanst = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SkickadUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SkickadAv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Poolinbjudningar", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Poolinbjudningar_Intresseanmalningar_IntresseanmalanId",
                        column: x => x.IntresseanmalanId,
                        principalTable: "Intresseanmalningar",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Poolinbjudningar_Rekrytering_RekryteringId",
                        column: x => x.RekryteringId,
                        principalTable: "Rekrytering",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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

            migrationBuilder.CreateTable(
                name: "KompetensvaxlingPunkt",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    KompetensvaxlingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rubrik = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Beskrivning = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Ordning = table.Column<int>(type: "INTEGER", nullable: false),
                    KlarUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    KlarAv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
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
                name: "ScimGruppMedlem",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    GruppId = table.Column<int>(type: "INTEGER", nullable: false),
                    KopplingId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScimGruppMedlem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScimGruppMedlem_Kommuner_KommunId",
                        column: x => x.KommunId,
                        principalTable: "Kommuner",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScimGruppMedlem_ScimGrupp_GruppId",
                        column: x => x.GruppId,
                        principalTable: "ScimGrupp",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ScimGruppMedlem_ScimKoppling_KopplingId",
                        column: x => x.KopplingId,
                        principalTable: "ScimKoppling",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SjalvskattningRad",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SjalvskattningId = table.Column<int>(type: "INTEGER", nullable: false),
                    KravId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    OmradeId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Omrade = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Ordning = table.Column<int>(type: "INTEGER", nullable: false),
                    Betyg = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Kommentar = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UppdragskontraktId = table.Column<int>(type: "INTEGER", nullable: false),
                    KravId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Omrade = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Ordning = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UppdragskontraktId = table.Column<int>(type: "INTEGER", nullable: false),
                    Datum = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Anteckning = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Utfall = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RegistreradAv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegistreradUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UppdragskontraktOmprovning", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UppdragskontraktOmprovning_Uppdragskontrakt_UppdragskontraktId",
                        column: x => x.UppdragskontraktId,
                        principalTable: "Uppdragskontrakt",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Intervjuinbjudan",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    KandidatId = table.Column<int>(type: "INTEGER", nullable: false),
                    AtkomstHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InbjudenUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    InbjudenAv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Intervjuinbjudan", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Intervjuinbjudan_Kandidat_KandidatId",
                        column: x => x.KandidatId,
                        principalTable: "Kandidat",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Intervjutid",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RekryteringId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SlutUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Plats = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    KandidatId = table.Column<int>(type: "INTEGER", nullable: true),
                    BokadUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Intervjutid", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Intervjutid_Kandidat_KandidatId",
                        column: x => x.KandidatId,
                        principalTable: "Kandidat",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Intervjutid_Rekrytering_RekryteringId",
                        column: x => x.RekryteringId,
                        principalTable: "Rekrytering",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KandidatTagg",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    KandidatId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KandidatTagg", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KandidatTagg_Kandidat_KandidatId",
                        column: x => x.KandidatId,
                        principalTable: "Kandidat",
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
                name: "Upplevelseinbjudan",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    KandidatId = table.Column<int>(type: "INTEGER", nullable: false),
                    Utfall = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AtkomstHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Besvarad = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Upplevelseinbjudan", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Upplevelseinbjudan_Kandidat_KandidatId",
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
                name: "Urvalssvar",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    KommunId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    KandidatId = table.Column<int>(type: "INTEGER", nullable: false),
                    UrvalsfragaId = table.Column<int>(type: "INTEGER", nullable: false),
                    Varde = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Urvalssvar", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Urvalssvar_Kandidat_KandidatId",
                        column: x => x.KandidatId,
                        principalTable: "Kandidat",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Urvalssvar_Urvalsfraga_UrvalsfragaId",
                        column: x => x.UrvalsfragaId,
                        principalTable: "Urvalsfraga",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Anteckning_KandidatId",
                table: "Anteckning",
                column: "KandidatId");

            migrationBuilder.CreateIndex(
                name: "IX_Anteckning_KommunId",
                table: "Anteckning",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_AretsChefBevakare_KampanjId_PersonId",
                table: "AretsChefBevakare",
                columns: new[] { "KampanjId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AretsChefBevakare_KommunId",
                table: "AretsChefBevakare",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_AretsChefBevakare_PersonId",
                table: "AretsChefBevakare",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_AretsChefInbjudna_KampanjId_PersonId",
                table: "AretsChefInbjudna",
                columns: new[] { "KampanjId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AretsChefInbjudna_KommunId",
                table: "AretsChefInbjudna",
                column: "KommunId");

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

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_KommunId",
                table: "AspNetUsers",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_PersonId",
                table: "AspNetUsers",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AterkopplingDeltagande_KommunId",
                table: "AterkopplingDeltagande",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_AterkopplingDeltagande_OmgangId_PersonId",
                table: "AterkopplingDeltagande",
                columns: new[] { "OmgangId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AterkopplingDeltagande_PersonId",
                table: "AterkopplingDeltagande",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Aterkopplingsomgangar_KommunId",
                table: "Aterkopplingsomgangar",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Aterkopplingsomgangar_KommunId_Ar",
                table: "Aterkopplingsomgangar",
                columns: new[] { "KommunId", "Ar" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AterkopplingSvar_ChefPersonId",
                table: "AterkopplingSvar",
                column: "ChefPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_AterkopplingSvar_KommunId",
                table: "AterkopplingSvar",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_AterkopplingSvar_OmgangId_ChefPersonId",
                table: "AterkopplingSvar",
                columns: new[] { "OmgangId", "ChefPersonId" });

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
                name: "IX_Avgangssamtal_KommunId",
                table: "Avgangssamtal",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Avgangssamtal_KompetensvaxlingId",
                table: "Avgangssamtal",
                column: "KompetensvaxlingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Avslagsskal_KommunId",
                table: "Avslagsskal",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Avslagsskal_KommunId_Nyckel",
                table: "Avslagsskal",
                columns: new[] { "KommunId", "Nyckel" },
                unique: true);

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
                name: "IX_Bedomningspaminnelse_KandidatId_BedomareUserId",
                table: "Bedomningspaminnelse",
                columns: new[] { "KandidatId", "BedomareUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Bedomningspaminnelse_KommunId",
                table: "Bedomningspaminnelse",
                column: "KommunId");

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
                name: "IX_Dokument_KommunId",
                table: "Dokument",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Dokument_OwnerType_OwnerId",
                table: "Dokument",
                columns: new[] { "OwnerType", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Dokument_StorageKey",
                table: "Dokument",
                column: "StorageKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Enheter_ChefId",
                table: "Enheter",
                column: "ChefId");

            migrationBuilder.CreateIndex(
                name: "IX_Enheter_KommunId",
                table: "Enheter",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Enheter_KommunId_Kod",
                table: "Enheter",
                columns: new[] { "KommunId", "Kod" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Enheter_OverordnadId",
                table: "Enheter",
                column: "OverordnadId");

            migrationBuilder.CreateIndex(
                name: "IX_InloggningsForsok_SenastUtc",
                table: "InloggningsForsok",
                column: "SenastUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Intervjuinbjudan_AtkomstHash",
                table: "Intervjuinbjudan",
                column: "AtkomstHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Intervjuinbjudan_KandidatId",
                table: "Intervjuinbjudan",
                column: "KandidatId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Intervjuinbjudan_KommunId",
                table: "Intervjuinbjudan",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Intervjutid_KandidatId",
                table: "Intervjutid",
                column: "KandidatId");

            migrationBuilder.CreateIndex(
                name: "IX_Intervjutid_KommunId",
                table: "Intervjutid",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Intervjutid_RekryteringId_StartUtc",
                table: "Intervjutid",
                columns: new[] { "RekryteringId", "StartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Intresseanmalningar_AndradUtc",
                table: "Intresseanmalningar",
                column: "AndradUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Intresseanmalningar_KommunId",
                table: "Intresseanmalningar",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Intresseanmalningar_PersonId",
                table: "Intresseanmalningar",
                column: "PersonId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Intresseanmalningar_RekommenderadAvPersonId",
                table: "Intresseanmalningar",
                column: "RekommenderadAvPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_IntresseSkattningar_IntresseanmalanId_KravId",
                table: "IntresseSkattningar",
                columns: new[] { "IntresseanmalanId", "KravId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntresseSkattningar_KommunId",
                table: "IntresseSkattningar",
                column: "KommunId");

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
                name: "IX_Kandidat_RekryteringId_KommunId",
                table: "Kandidat",
                columns: new[] { "RekryteringId", "KommunId" });

            migrationBuilder.CreateIndex(
                name: "IX_KandidatTagg_KandidatId_Text",
                table: "KandidatTagg",
                columns: new[] { "KandidatId", "Text" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KandidatTagg_KommunId",
                table: "KandidatTagg",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Kandidatupplevelse_KommunId",
                table: "Kandidatupplevelse",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Kandidatupplevelse_RekryteringId_Datum",
                table: "Kandidatupplevelse",
                columns: new[] { "RekryteringId", "Datum" });

            migrationBuilder.CreateIndex(
                name: "IX_Kolumnmappningar_KommunId",
                table: "Kolumnmappningar",
                column: "KommunId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Kommuner_Organisationsnummer",
                table: "Kommuner",
                column: "Organisationsnummer",
                unique: true);

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
                name: "IX_Mallversion_KommunId",
                table: "Mallversion",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Mallversion_KommunId_Nyckel_Nummer",
                table: "Mallversion",
                columns: new[] { "KommunId", "Nyckel", "Nummer" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Mote_KommunId",
                table: "Mote",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Mote_Koppling",
                table: "Mote",
                column: "Koppling");

            migrationBuilder.CreateIndex(
                name: "IX_Mote_Uid",
                table: "Mote",
                column: "Uid",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MotesDeltagare_MoteId",
                table: "MotesDeltagare",
                column: "MoteId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxAttachment_OutboxMessageId",
                table: "OutboxAttachment",
                column: "OutboxMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessage_KommunId",
                table: "OutboxMessage",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessage_Status_DueUtc",
                table: "OutboxMessage",
                columns: new[] { "Status", "DueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessage_Topic",
                table: "OutboxMessage",
                column: "Topic");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessage_Vantande",
                table: "OutboxMessage",
                columns: new[] { "DueUtc", "Id" },
                filter: "\"Status\" = 'Pending'");

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
                name: "IX_Personalimporter_KommunId",
                table: "Personalimporter",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Personalimporter_KommunId_Utc",
                table: "Personalimporter",
                columns: new[] { "KommunId", "Utc" });

            migrationBuilder.CreateIndex(
                name: "IX_Personer_EnhetId",
                table: "Personer",
                column: "EnhetId");

            migrationBuilder.CreateIndex(
                name: "IX_Personer_KommunId",
                table: "Personer",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Personer_KommunId_Anstallningsnummer",
                table: "Personer",
                columns: new[] { "KommunId", "Anstallningsnummer" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Personer_KommunId_Epost",
                table: "Personer",
                columns: new[] { "KommunId", "Epost" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlatsbankenAnnons_KommunId",
                table: "PlatsbankenAnnons",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_PlatsbankenAnnons_RekryteringId",
                table: "PlatsbankenAnnons",
                column: "RekryteringId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Policyversioner_KommunId",
                table: "Policyversioner",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Policyversioner_KommunId_Nummer",
                table: "Policyversioner",
                columns: new[] { "KommunId", "Nummer" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Poolinbjudningar_IntresseanmalanId_RekryteringId",
                table: "Poolinbjudningar",
                columns: new[] { "IntresseanmalanId", "RekryteringId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Poolinbjudningar_KommunId",
                table: "Poolinbjudningar",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Poolinbjudningar_RekryteringId",
                table: "Poolinbjudningar",
                column: "RekryteringId");

            migrationBuilder.CreateIndex(
                name: "IX_Radering_AtUtc",
                table: "Radering",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Radering_KommunId",
                table: "Radering",
                column: "KommunId");

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
                name: "IX_Rekrytering_KommunId_State",
                table: "Rekrytering",
                columns: new[] { "KommunId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Rekrytering_State",
                table: "Rekrytering",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_Rollbegaranden_KommunId",
                table: "Rollbegaranden",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Rollbegaranden_KommunId_Lage",
                table: "Rollbegaranden",
                columns: new[] { "KommunId", "Lage" });

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledJob_JobType_SubjectId",
                table: "ScheduledJob",
                columns: new[] { "JobType", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledJob_KommunId",
                table: "ScheduledJob",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledJob_Status_DueUtc",
                table: "ScheduledJob",
                columns: new[] { "Status", "DueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ScheduledJob_Vantande",
                table: "ScheduledJob",
                columns: new[] { "DueUtc", "Id" },
                filter: "\"Status\" = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_ScimGrupp_KommunId",
                table: "ScimGrupp",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_ScimGrupp_KommunId_DisplayName",
                table: "ScimGrupp",
                columns: new[] { "KommunId", "DisplayName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScimGruppMedlem_GruppId_KopplingId",
                table: "ScimGruppMedlem",
                columns: new[] { "GruppId", "KopplingId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScimGruppMedlem_KommunId",
                table: "ScimGruppMedlem",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_ScimGruppMedlem_KopplingId",
                table: "ScimGruppMedlem",
                column: "KopplingId");

            migrationBuilder.CreateIndex(
                name: "IX_ScimKoppling_KommunId",
                table: "ScimKoppling",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_ScimKoppling_KommunId_UserName",
                table: "ScimKoppling",
                columns: new[] { "KommunId", "UserName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScimKoppling_PersonId",
                table: "ScimKoppling",
                column: "PersonId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScimToken_Hash",
                table: "ScimToken",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScimToken_KommunId",
                table: "ScimToken",
                column: "KommunId");

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
                name: "IX_Uppfoljningsanteckning_AtgardId",
                table: "Uppfoljningsanteckning",
                column: "AtgardId");

            migrationBuilder.CreateIndex(
                name: "IX_Uppfoljningsanteckning_KommunId",
                table: "Uppfoljningsanteckning",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Upplevelseinbjudan_AtkomstHash",
                table: "Upplevelseinbjudan",
                column: "AtkomstHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Upplevelseinbjudan_KandidatId",
                table: "Upplevelseinbjudan",
                column: "KandidatId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Upplevelseinbjudan_KommunId",
                table: "Upplevelseinbjudan",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Urvalsfraga_KommunId",
                table: "Urvalsfraga",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Urvalsfraga_RekryteringId_Ordning",
                table: "Urvalsfraga",
                columns: new[] { "RekryteringId", "Ordning" });

            migrationBuilder.CreateIndex(
                name: "IX_Urvalssvar_KandidatId_UrvalsfragaId",
                table: "Urvalssvar",
                columns: new[] { "KandidatId", "UrvalsfragaId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Urvalssvar_KommunId",
                table: "Urvalssvar",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Urvalssvar_UrvalsfragaId",
                table: "Urvalssvar",
                column: "UrvalsfragaId");

            migrationBuilder.CreateIndex(
                name: "IX_UserSessions_ExpiresUtc",
                table: "UserSessions",
                column: "ExpiresUtc");

            migrationBuilder.CreateIndex(
                name: "IX_UserSessions_UserId",
                table: "UserSessions",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Utvecklingsaktivitet_KommunId",
                table: "Utvecklingsaktivitet",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_Utvecklingsaktivitet_PersonId_Datum",
                table: "Utvecklingsaktivitet",
                columns: new[] { "PersonId", "Datum" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowTransitions_KommunId",
                table: "WorkflowTransitions",
                column: "KommunId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowTransitions_Workflow_SubjectId_AtUtc",
                table: "WorkflowTransitions",
                columns: new[] { "Workflow", "SubjectId", "AtUtc" });

            migrationBuilder.AddForeignKey(
                name: "FK_Anteckning_Kandidat_KandidatId",
                table: "Anteckning",
                column: "KandidatId",
                principalTable: "Kandidat",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_AretsChefBevakare_AretsChefKampanjer_KampanjId",
                table: "AretsChefBevakare",
                column: "KampanjId",
                principalTable: "AretsChefKampanjer",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_AretsChefBevakare_Personer_PersonId",
                table: "AretsChefBevakare",
                column: "PersonId",
                principalTable: "Personer",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_AretsChefInbjudna_AretsChefKampanjer_KampanjId",
                table: "AretsChefInbjudna",
                column: "KampanjId",
                principalTable: "AretsChefKampanjer",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_AretsChefJurybedomningar_AretsChefKampanjer_KampanjId",
                table: "AretsChefJurybedomningar",
                column: "KampanjId",
                principalTable: "AretsChefKampanjer",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_AretsChefJurybedomningar_Personer_ChefPersonId",
                table: "AretsChefJurybedomningar",
                column: "ChefPersonId",
                principalTable: "Personer",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_AretsChefKampanjer_Personer_VinnarePersonId",
                table: "AretsChefKampanjer",
                column: "VinnarePersonId",
                principalTable: "Personer",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_AretsChefKortlista_Personer_ChefPersonId",
                table: "AretsChefKortlista",
                column: "ChefPersonId",
                principalTable: "Personer",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_AretsChefNomineringar_Personer_ChefPersonId",
                table: "AretsChefNomineringar",
                column: "ChefPersonId",
                principalTable: "Personer",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_AretsChefNomineringar_Personer_NominatorPersonId",
                table: "AretsChefNomineringar",
                column: "NominatorPersonId",
                principalTable: "Personer",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                table: "AspNetUserClaims",
                column: "UserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                table: "AspNetUserLogins",
                column: "UserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                table: "AspNetUserRoles",
                column: "UserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_Personer_PersonId",
                table: "AspNetUsers",
                column: "PersonId",
                principalTable: "Personer",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_AterkopplingDeltagande_Personer_PersonId",
                table: "AterkopplingDeltagande",
                column: "PersonId",
                principalTable: "Personer",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_AterkopplingSvar_Personer_ChefPersonId",
                table: "AterkopplingSvar",
                column: "ChefPersonId",
                principalTable: "Personer",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Avgangssamtal_Kompetensvaxling_KompetensvaxlingId",
                table: "Avgangssamtal",
                column: "KompetensvaxlingId",
                principalTable: "Kompetensvaxling",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Bedomning_Kandidat_KandidatId",
                table: "Bedomning",
                column: "KandidatId",
                principalTable: "Kandidat",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Bedomning_KravprofilKompetens_KompetensId",
                table: "Bedomning",
                column: "KompetensId",
                principalTable: "KravprofilKompetens",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Bedomningspaminnelse_Kandidat_KandidatId",
                table: "Bedomningspaminnelse",
                column: "KandidatId",
                principalTable: "Kandidat",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Enheter_Personer_ChefId",
                table: "Enheter",
                column: "ChefId",
                principalTable: "Personer",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Enheter_Personer_ChefId",
                table: "Enheter");

            migrationBuilder.DropTable(
                name: "Anteckning");

            migrationBuilder.DropTable(
                name: "AretsChefBevakare");

            migrationBuilder.DropTable(
                name: "AretsChefInbjudna");

            migrationBuilder.DropTable(
                name: "AretsChefJurybedomningar");

            migrationBuilder.DropTable(
                name: "AretsChefKortlista");

            migrationBuilder.DropTable(
                name: "AretsChefNomineringar");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AterkopplingDeltagande");

            migrationBuilder.DropTable(
                name: "AterkopplingSvar");

            migrationBuilder.DropTable(
                name: "AuditEvent");

            migrationBuilder.DropTable(
                name: "Avgangssamtal");

            migrationBuilder.DropTable(
                name: "Avslagsskal");

            migrationBuilder.DropTable(
                name: "Bedomning");

            migrationBuilder.DropTable(
                name: "Bedomningspaminnelse");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "DiarieSerie");

            migrationBuilder.DropTable(
                name: "Dokument");

            migrationBuilder.DropTable(
                name: "InloggningsForsok");

            migrationBuilder.DropTable(
                name: "Intervjuinbjudan");

            migrationBuilder.DropTable(
                name: "Intervjutid");

            migrationBuilder.DropTable(
                name: "IntresseSkattningar");

            migrationBuilder.DropTable(
                name: "IntroduktionPunkt");

            migrationBuilder.DropTable(
                name: "KandidatTagg");

            migrationBuilder.DropTable(
                name: "Kandidatupplevelse");

            migrationBuilder.DropTable(
                name: "Kolumnmappningar");

            migrationBuilder.DropTable(
                name: "KompetensvaxlingPunkt");

            migrationBuilder.DropTable(
                name: "Mallversion");

            migrationBuilder.DropTable(
                name: "MotesDeltagare");

            migrationBuilder.DropTable(
                name: "OutboxAttachment");

            migrationBuilder.DropTable(
                name: "PanelMedlem");

            migrationBuilder.DropTable(
                name: "PendingBlobDeletions");

            migrationBuilder.DropTable(
                name: "Personalimporter");

            migrationBuilder.DropTable(
                name: "PlatsbankenAnnons");

            migrationBuilder.DropTable(
                name: "Policyversioner");

            migrationBuilder.DropTable(
                name: "Poolinbjudningar");

            migrationBuilder.DropTable(
                name: "Radering");

            migrationBuilder.DropTable(
                name: "Referens");

            migrationBuilder.DropTable(
                name: "Rollbegaranden");

            migrationBuilder.DropTable(
                name: "ScheduledJob");

            migrationBuilder.DropTable(
                name: "ScimGruppMedlem");

            migrationBuilder.DropTable(
                name: "ScimToken");

            migrationBuilder.DropTable(
                name: "SjalvskattningRad");

            migrationBuilder.DropTable(
                name: "UppdragskontraktKrav");

            migrationBuilder.DropTable(
                name: "UppdragskontraktOmprovning");

            migrationBuilder.DropTable(
                name: "Uppfoljningsanteckning");

            migrationBuilder.DropTable(
                name: "Upplevelseinbjudan");

            migrationBuilder.DropTable(
                name: "Urvalssvar");

            migrationBuilder.DropTable(
                name: "UserSessions");

            migrationBuilder.DropTable(
                name: "Utvecklingsaktivitet");

            migrationBuilder.DropTable(
                name: "WorkflowTransitions");

            migrationBuilder.DropTable(
                name: "AretsChefKampanjer");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Aterkopplingsomgangar");

            migrationBuilder.DropTable(
                name: "KravprofilKompetens");

            migrationBuilder.DropTable(
                name: "Introduktion");

            migrationBuilder.DropTable(
                name: "Kompetensvaxling");

            migrationBuilder.DropTable(
                name: "Mote");

            migrationBuilder.DropTable(
                name: "OutboxMessage");

            migrationBuilder.DropTable(
                name: "Intresseanmalningar");

            migrationBuilder.DropTable(
                name: "ScimGrupp");

            migrationBuilder.DropTable(
                name: "ScimKoppling");

            migrationBuilder.DropTable(
                name: "Sjalvskattning");

            migrationBuilder.DropTable(
                name: "Uppdragskontrakt");

            migrationBuilder.DropTable(
                name: "Atgard");

            migrationBuilder.DropTable(
                name: "Kandidat");

            migrationBuilder.DropTable(
                name: "Urvalsfraga");

            migrationBuilder.DropTable(
                name: "Kravprofil");

            migrationBuilder.DropTable(
                name: "AvvecklingsArende");

            migrationBuilder.DropTable(
                name: "Rekrytering");

            migrationBuilder.DropTable(
                name: "Personer");

            migrationBuilder.DropTable(
                name: "Enheter");

            migrationBuilder.DropTable(
                name: "Kommuner");
        }
    }
}
