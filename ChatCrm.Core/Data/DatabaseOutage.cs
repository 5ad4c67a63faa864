using Microsoft.Data.Sqlite;
using Npgsql;

namespace ChatCrm.Core.Data;

/// <summary>
/// Tells an exception that means "the database cannot be reached right now" (server down, refusing connections,
/// restarting, the file locked or unreadable) from a bug. The web host answers the first with 503 and keeps people
/// signed in; the second stays a 500.
/// </summary>
public static class DatabaseOutage
{
    // SQLite's primary result codes for a database that is busy, locked, unreadable or cannot be opened.
    private static readonly int[] SqliteUnavailable = [5 /* BUSY */, 6 /* LOCKED */, 10 /* IOERR */, 14 /* CANTOPEN */];

    /// <summary>True when the exception, or one it wraps (EF and Npgsql wrap transient failures), is an outage.</summary>
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // IsTransient: connection refused or reset, timeouts, the server shutting down or starting up.
                case NpgsqlException npgsql when npgsql.IsTransient:
                case SqliteException sqlite when SqliteUnavailable.Contains(sqlite.SqliteErrorCode & 0xFF):
                    return true;
            }
        }
        return false;
    }
}
