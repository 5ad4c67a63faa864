using Microsoft.EntityFrameworkCore.Migrations;

namespace ChatCrm.Core.Data.Migrations;

/// <summary>
/// A migration whose steps are SQL scripts, one per engine, embedded from <c>Data/Migrations/Sql/&lt;Provider&gt;/</c>.
/// The EF design tool that writes C# migrations cannot be restored here; the first script is the model's own create
/// script (<c>GenerateCreateScript</c>), later ones are written by hand. SchemaMatchesModelTests fail when a script
/// and the model disagree, on SQLite and on PostgreSQL.
/// </summary>
public abstract class SqlScriptMigration : Migration
{
    protected abstract string ScriptName { get; }

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var folder = migrationBuilder.ActiveProvider switch
        {
            "Microsoft.EntityFrameworkCore.Sqlite" => DatabaseProviders.Sqlite,
            "Npgsql.EntityFrameworkCore.PostgreSQL" => DatabaseProviders.PostgreSql,
            var other => throw new NotSupportedException($"No migration scripts for provider {other}."),
        };
        var resource = $"ChatCrm.Core.Data.Migrations.Sql.{folder}.{ScriptName}.sql";
        using var stream = typeof(SqlScriptMigration).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded migration script {resource} is missing.");
        using var reader = new StreamReader(stream);
        foreach (var statement in SplitStatements(reader.ReadToEnd()))
        {
            migrationBuilder.Sql(statement);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        throw new NotSupportedException("ChatCrm migrations go forward only; restore a backup to go back.");

    // Statements in the scripts end with ";" at the end of a line, as GenerateCreateScript writes them.
    private static IEnumerable<string> SplitStatements(string script) =>
        script.Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.TrimEnd(';'))
            .Where(s => s.Length > 0);
}
