using System.Globalization;
using System.Security.Cryptography;
using ChatCrm.Core.Common;
using Microsoft.Extensions.Options;

namespace ChatCrm.Core.Chat;

/// <summary>
/// Chat attachments under uploads/chat with random names. What a file is (image, video, other) is decided from its
/// first bytes, not from its name or the browser's word; limits come from <see cref="ChatOptions"/>.
/// </summary>
public sealed class ChatFileStore(DataDirectory data, IOptions<ChatOptions> options)
{
    private static readonly (string Type, MessageKind Kind, Func<byte[], bool> Matches)[] Signatures =
    [
        ("image/png", MessageKind.Image, b => b.AsSpan().StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47 })),
        ("image/jpeg", MessageKind.Image, b => b.AsSpan().StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })),
        ("image/gif", MessageKind.Image, b => b.AsSpan().StartsWith("GIF8"u8)),
        ("image/webp", MessageKind.Image, b => b.Length > 12 && b.AsSpan().StartsWith("RIFF"u8) && b.AsSpan(8, 4).SequenceEqual("WEBP"u8)),
        ("video/mp4", MessageKind.Video, b => b.Length > 12 && b.AsSpan(4, 4).SequenceEqual("ftyp"u8)),
        ("video/webm", MessageKind.Video, b => b.AsSpan().StartsWith(new byte[] { 0x1A, 0x45, 0xDF, 0xA3 })),
    ];

    private string Folder
    {
        get
        {
            var path = Path.Combine(data.Uploads, "chat");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    public long MaxBytes => Math.Max(options.Value.FileMaxBytes, Math.Max(options.Value.ImageMaxBytes, options.Value.VideoMaxBytes));

    /// <summary>The limits in words, for the attach button.</summary>
    public string LimitsText
    {
        get
        {
            var o = options.Value;
            return $"pictures up to {Describe(o.ImageMaxBytes)}, videos up to {Describe(o.VideoMaxBytes)}, other files up to {Describe(o.FileMaxBytes)}";
        }
    }

    /// <summary>
    /// What <see cref="SaveAsync"/> would refuse, said before a byte is sent: the page checks a chosen file's name, the
    /// browser's word on its type and its size against the same limits. The store checks again from the real content.
    /// </summary>
    /// <returns>The sentence to show, or null when the file may go.</returns>
    public string? RefusalBeforeUpload(string fileName, string? declaredType, long size)
    {
        var settings = options.Value;
        var extension = Path.GetExtension(CleanFileName(fileName));
        if (settings.BlockedExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase)) return $"{fileName}: files of type {extension} cannot be sent.";
        if (size == 0) return $"{fileName} is empty.";
        var (what, limit) = (declaredType ?? "") switch
        {
            var t when t.StartsWith("image/", StringComparison.OrdinalIgnoreCase) => ("pictures", settings.ImageMaxBytes),
            var t when t.StartsWith("video/", StringComparison.OrdinalIgnoreCase) => ("videos", settings.VideoMaxBytes),
            _ => ("files", settings.FileMaxBytes),
        };
        return size > limit ? $"{fileName} is too large ({Describe(size)}): {what} can be at most {Describe(limit)}." : null;
    }

    /// <summary>Stores the upload; returns the attachment and its kind, or throws a <see cref="ChatRuleException"/> to show.</summary>
    public async Task<(Attachment Attachment, MessageKind Kind)> SaveAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var cleanName = CleanFileName(fileName);
        if (settings.BlockedExtensions.Contains(Path.GetExtension(cleanName), StringComparer.OrdinalIgnoreCase))
            throw new ChatRuleException($"Files of type {Path.GetExtension(cleanName)} cannot be sent.");

        var storedName = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var path = Path.Combine(Folder, storedName);
        var head = new byte[16];
        long size = 0;
        try
        {
            await using (var file = File.Create(path))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    if (size < head.Length) Array.Copy(buffer, 0, head, size, Math.Min(read, head.Length - (int)size));
                    size += read;
                    if (size > MaxBytes) throw new ChatRuleException($"That file is too large: at most {Describe(MaxBytes)}.");
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }
            if (size == 0) throw new ChatRuleException("That file is empty.");
            var signature = Signatures.FirstOrDefault(s => s.Matches(head));
            var (type, kind) = signature.Type is null ? ("application/octet-stream", MessageKind.File) : (signature.Type, signature.Kind);
            var limit = kind switch { MessageKind.Image => settings.ImageMaxBytes, MessageKind.Video => settings.VideoMaxBytes, _ => settings.FileMaxBytes };
            if (size > limit) throw new ChatRuleException($"That {kind.ToString().ToLowerInvariant()} is too large: at most {Describe(limit)}.");
            return (new Attachment { StoredName = storedName, FileName = cleanName, ContentType = type, Size = size }, kind);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public string? PathOf(string storedName)
    {
        if (storedName.Length != 32 || !storedName.All(char.IsAsciiHexDigitLower)) return null;
        var path = Path.Combine(Folder, storedName);
        return File.Exists(path) ? path : null;
    }

    public void Delete(string storedName)
    {
        if (PathOf(storedName) is { } path) File.Delete(path);
    }

    /// <summary>A size as people say it: limits below a megabyte (allowed from 1 KB) would otherwise read "0 MB".</summary>
    internal static string Describe(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB";

    private static string CleanFileName(string fileName)
    {
        // Windows drops trailing dots and spaces, so "setup.exe." would land on a desktop as setup.exe: the blocked
        // extensions are checked against the name without them.
        var name = Path.GetFileName(fileName.Replace('\\', '/')).Trim().TrimEnd('.', ' ');
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?')).ToArray());
        if (name.Length == 0) name = "file";
        return name.Length <= Attachment.FileNameMax ? name : name[^Attachment.FileNameMax..];
    }
}
