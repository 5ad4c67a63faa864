using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChatCrm.Core.Data;

/// <summary>
/// Lets SQLite itself wait for the write lock, on every connection EF Core opens.
/// <para>
/// Why: SQLite has one writer at a time, and Microsoft.Data.Sqlite sets no busy timeout: a second writer gets
/// SQLITE_BUSY back at once, and the driver retries it after sleeping 150 ms, however soon the lock frees. A chat
/// message, its read mark and a ticket edit each hold the lock for a millisecond or two, so any two that meet cost the
/// second one 150 ms: that was the 150–190 ms tail of the chat's send-to-render latency. With a busy timeout SQLite's
/// own handler polls for the lock at 1, 2, 5, 10… ms and takes it almost as soon as it frees. The driver's retry stays
/// behind it for a lock held longer than this timeout, up to the command timeout.
/// </para>
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    /// <summary>The same 30 s as the driver's default command timeout.</summary>
    public const int Milliseconds = 30_000;

    public static readonly SqliteBusyTimeout Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    // A direct call on the native handle rather than a PRAGMA statement: EF opens a pooled connection for each query,
    // and this costs no statement to prepare.
    private static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle }) SQLitePCL.raw.sqlite3_busy_timeout(handle, Milliseconds);
    }
}
