using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Common;

/// <summary>
/// An editable record with an optimistic concurrency token. Every save bumps <see cref="Version"/>, and the UPDATE
/// only matches the row when it still has the version the editor loaded, so a stale save can never overwrite.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>Thrown when someone saved the record after the caller loaded it; the page offers a reload.</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message)
{
    public const string DefaultMessage = "Someone else changed this record after you opened it. Reload to see their changes, then make yours again.";

    public ConcurrencyConflictException() : this(DefaultMessage)
    {
    }
}

public static class Versioning
{
    /// <summary>
    /// Prepares a tracked record for a save made against <paramref name="loadedVersion"/>: refuses at once when the
    /// stored version already moved on, and otherwise makes the UPDATE conditional on it (the race in between is caught
    /// by <see cref="SaveOrConflictAsync"/>).
    /// </summary>
    public static void ExpectVersion<T>(this DbContext db, T record, int loadedVersion) where T : class, IVersioned
    {
        if (record.Version != loadedVersion) throw new ConcurrencyConflictException();
        db.Entry(record).Property(r => r.Version).OriginalValue = loadedVersion;
        record.Version = loadedVersion + 1;
    }

    /// <summary>Saves, turning EF's concurrency failure into the conflict the pages know how to show.</summary>
    public static async Task<int> SaveOrConflictAsync(this DbContext db, CancellationToken cancellationToken)
    {
        try
        {
            return await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException();
        }
    }
}
