using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChatCrm.Core.Data;

/// <summary>
/// Inserts many new rows of one entity type through a single reused, parameterised INSERT on the context's
/// connection and transaction. SaveChanges spends most of its time per entity on tracking and command building (about
/// 5 s of CPU for the 40,000 rows of a 10,000-lead import on the reference machine); this costs a fraction of that.
/// It stays provider-neutral by taking everything from EF's model: table and column names, identifier quoting and each
/// column's type mapping, including value converters (SQLite's DateTimeOffset-as-number, enums as text).
/// Only for plain rows: no store-generated values, no shadow properties, nothing tracked afterwards.
/// </summary>
internal sealed class BulkInsert<T> : IDisposable where T : class
{
    private readonly DbCommand _command;
    private readonly (PropertyInfo Clr, RelationalTypeMapping Mapping, string Parameter)[] _columns;

    public BulkInsert(DbContext db)
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entityType.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} has no table.");
        var schema = entityType.GetSchema();
        var store = StoreObjectIdentifier.Table(table, schema);
        var sql = db.GetService<ISqlGenerationHelper>();

        var properties = entityType.GetProperties().ToList();
        _columns = properties.Select((p, i) => (
            p.PropertyInfo ?? throw new InvalidOperationException($"{typeof(T).Name}.{p.Name} is a shadow property."),
            p.GetRelationalTypeMapping(),
            sql.GenerateParameterName($"p{i}"))).ToArray();
        var columns = string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(store)!)));
        var values = string.Join(", ", _columns.Select(c => c.Parameter));

        _command = db.Database.GetDbConnection().CreateCommand();
        _command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table, schema)} ({columns}) VALUES ({values})";
        _command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Begin a transaction first: rows inserted one by one must commit together.");
    }

    public async Task AddAsync(T row, CancellationToken cancellationToken)
    {
        _command.Parameters.Clear();
        foreach (var (clr, mapping, parameter) in _columns)
        {
            // CreateParameter applies the column's value converter and provider type, as SaveChanges would.
            _command.Parameters.Add(mapping.CreateParameter(_command, parameter, clr.GetValue(row)));
        }
        await _command.ExecuteNonQueryAsync(cancellationToken);
    }

    public void Dispose() => _command.Dispose();
}
