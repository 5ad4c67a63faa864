using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChatCrm.Core.Data;

/// <summary>
/// Adds one to a row's counter column and reads the new value back in one statement: UPDATE ... RETURNING, which
/// SQLite (3.35 on) and PostgreSQL both run. EF's ExecuteUpdate returns no values, and an UPDATE then a SELECT is a
/// second round trip on the hottest write there is, sending a message. The UPDATE takes the row's write lock, so
/// concurrent callers inside transactions queue on it and get 1, 2, 3... Names and the key's parameter come from EF's
/// model, as in <see cref="BulkInsert{T}"/>, so value converters (SQLite's Guid as text) apply as in EF's own SQL.
/// </summary>
internal static class RowCounter
{
    /// <summary>The counter's new value, or null when no row has that key.</summary>
    public static async Task<long?> IncrementAsync<T>(DbContext db, Expression<Func<T, long>> counter, object key, CancellationToken cancellationToken)
        where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entityType.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} has no table.");
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        var counterName = ((MemberExpression)counter.Body).Member.Name;
        var counterColumn = entityType.FindProperty(counterName)?.GetColumnName(store)
            ?? throw new InvalidOperationException($"{typeof(T).Name}.{counterName} is not a column.");
        var keyProperty = entityType.FindPrimaryKey()?.Properties is [var single] ? single
            : throw new InvalidOperationException($"{typeof(T).Name} needs a single-column key.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var column = sql.DelimitIdentifier(counterColumn);
        var parameter = sql.GenerateParameterName("key");

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Begin a transaction first: the new value is only worth having with what is written under it.");
        command.CommandText = $"UPDATE {sql.DelimitIdentifier(table, entityType.GetSchema())} SET {column} = {column} + 1 "
            + $"WHERE {sql.DelimitIdentifier(keyProperty.GetColumnName(store)!)} = {parameter} RETURNING {column}";
        command.Parameters.Add(keyProperty.GetRelationalTypeMapping().CreateParameter(command, parameter, key));
        return await command.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}
