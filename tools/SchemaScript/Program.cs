using ChatCrm.Core.Data;
using Microsoft.EntityFrameworkCore;

// Writes <folder>/<Provider>/<name>.sql with the full create script of the current model for each engine.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: SchemaScript <output-folder> <script-name>");
    return 2;
}

foreach (var (provider, connection) in new[] { (DatabaseProviders.Sqlite, "Data Source=:memory:"), (DatabaseProviders.PostgreSql, "Host=localhost") })
{
    var options = new DbContextOptionsBuilder<ChatCrmDbContext>();
    DatabaseProviders.Configure(options, provider, connection);
    await using var db = new ChatCrmDbContext(options.Options);
    var folder = Path.Combine(args[0], provider);
    Directory.CreateDirectory(folder);
    var path = Path.Combine(folder, args[1] + ".sql");
    await File.WriteAllTextAsync(path, db.Database.GenerateCreateScript().Replace("\r\n", "\n", StringComparison.Ordinal));
    Console.WriteLine(path);
}
return 0;
