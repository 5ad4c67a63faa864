using ChatCrm.Core.Common;
using Microsoft.Extensions.Options;

namespace ChatCrm.Core.Accounts;

/// <summary><c>ChatCrm:Uploads</c> limits for avatars.</summary>
public sealed class UploadOptions
{
    public const string Section = "ChatCrm:Uploads";

    [System.ComponentModel.DataAnnotations.Range(1024, 50 * 1024 * 1024)]
    public long AvatarMaxBytes { get; set; } = 2 * 1024 * 1024;
}

/// <summary>
/// Avatars live under uploads/avatars with random names. The type is decided from the file's first bytes, never from
/// the name or the browser's claim, so a script renamed .png is refused.
/// </summary>
public sealed class AvatarStore(DataDirectory data, IOptions<UploadOptions> options)
{
    private static readonly (string Extension, string ContentType, byte[] Magic)[] Types =
    [
        (".png", "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        (".jpg", "image/jpeg", [0xFF, 0xD8, 0xFF]),
        (".gif", "image/gif", [0x47, 0x49, 0x46, 0x38]),
        (".webp", "image/webp", [0x52, 0x49, 0x46, 0x46]),
    ];

    public long MaxBytes => options.Value.AvatarMaxBytes;

    private string Folder
    {
        get
        {
            var path = Path.Combine(data.Uploads, "avatars");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    /// <summary>Saves the stream if it is a small PNG, JPEG, GIF or WebP image; returns the stored name or an error.</summary>
    public async Task<(string? FileName, string? Error)> SaveAsync(Stream content, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return (null, $"The picture is too large: at most {MaxBytes / 1024} KB.");
            buffer.Write(chunk, 0, read);
        }
        var bytes = buffer.ToArray();
        var type = Types.FirstOrDefault(t => bytes.AsSpan().StartsWith(t.Magic)
            && (t.Extension != ".webp" || bytes.Length > 12 && bytes.AsSpan(8, 4).SequenceEqual("WEBP"u8)));
        if (type.Extension is null) return (null, "Only PNG, JPEG, GIF or WebP pictures can be used.");
        var name = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToLowerInvariant() + type.Extension;
        await File.WriteAllBytesAsync(Path.Combine(Folder, name), bytes, cancellationToken);
        return (name, null);
    }

    /// <summary>The file behind a stored name, or null for a name we did not make (no path tricks).</summary>
    public (string Path, string ContentType)? Open(string? fileName)
    {
        if (fileName is null || fileName.Length > 40 || !fileName.All(c => char.IsAsciiHexDigitLower(c) || c == '.' || char.IsAsciiLetterLower(c))) return null;
        var type = Types.FirstOrDefault(t => fileName.EndsWith(t.Extension, StringComparison.Ordinal));
        var path = Path.Combine(Folder, fileName);
        return type.Extension is not null && File.Exists(path) ? (path, type.ContentType) : null;
    }

    public void Delete(string? fileName)
    {
        if (Open(fileName) is { } file) File.Delete(file.Path);
    }
}
