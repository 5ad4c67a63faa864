using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Data;

/// <summary>
/// Updates chosen columns of a row by its key without reading it first: the row is attached and just these columns are
/// marked changed, so SaveChanges sends them in its batch with everything else it saves (one round trip for many).
/// </summary>
internal static class ColumnUpdates
{
    public static void UpdateColumns<T>(this DbContext db, T row, params Expression<Func<T, object?>>[] columns) where T : class
    {
        var entry = db.Attach(row);
        // Each is marked by hand: a column set to its type's default (a null, a zero) would not count as changed.
        foreach (var column in columns) entry.Property(column).IsModified = true;
    }
}
