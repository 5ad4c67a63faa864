using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChatCrm.Core.Data;

/// <summary>
/// What every SQLite connection EF Core opens needs before its first statement: a busy timeout, and an upper() that
/// knows more than ASCII.
/// <para>
/// <b>Upper case.</b> Searches fold case with upper() on both sides (LIKE is ASCII-only too). SQLite's own upper() folds
/// only A–Z, so "Inês" became "INêS" and a search for "inês", folded by .NET to "INÊS", found nobody. The same
/// function as .NET's <see cref="string.ToUpperInvariant()"/> replaces it on each connection, so the text and the
/// query fold alike, as they do on PostgreSQL. No index or stored value depends on upper().
/// </para>
/// <para>
/// <b>Busy timeout.</b> SQLite itself waits for the write lock.
/// Why: SQLite has one writer at a time, and Microsoft.Data.Sqlite sets no busy timeout: a second writer gets
/// SQLITE_BUSY back at once, and the driver retries it after sleeping 150 ms, however soon the lock frees. A chat
/// message, its read mark and a ticket edit each hold the lock for a millisecond or two, so any two that meet cost the
/// second one 150 ms: that was the 150–190 ms tail of the chat's send-to-render latency. With a busy timeout SQLite's
/// own handler polls for the lock at 1, 2, 5, 10… ms and takes it almost as soon as it frees. The driver's retry stays
/// behind it for a lock held longer than this timeout, up to the command timeout.
/// </para>
/// </summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    /// <summary>The same 30 s as the driver's default command timeout.</summary>
    public const int Milliseconds = 30_000;

    public static readonly SqliteConnectionSetup Instance = new();

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
        if (connection is not SqliteConnection { Handle: { } handle } sqlite) return;
        SQLitePCL.raw.sqlite3_busy_timeout(handle, Milliseconds);
        sqlite.CreateFunction("upper", (string? text) => text?.ToUpperInvariant(), isDeterministic: true);
    }
}
