using ChatCrm.Core.Common;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ChatCrm.Core.Data;

/// <summary>
/// Moves a key ring that an older version kept in the data folder (keys/key-*.xml) into the database once, so the
/// cookies people hold stay valid across the upgrade. The files stay where they were (a rollback still finds them).
/// </summary>
internal static class FolderKeys
{
    public static async Task ImportAsync(ChatCrmDbContext db, DataDirectory data, CancellationToken cancellationToken)
    {
        var files = Directory.GetFiles(data.Keys, "key-*.xml");
        if (files.Length == 0 || await db.DataProtectionKeys.AnyAsync(cancellationToken)) return;
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            db.DataProtectionKeys.Add(new DataProtectionKey
            {
                FriendlyName = Path.GetFileNameWithoutExtension(file),
                Xml = await File.ReadAllTextAsync(file, cancellationToken),
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
