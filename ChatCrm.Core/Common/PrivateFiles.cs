namespace ChatCrm.Core.Common;

/// <summary>
/// Files only the app's own user may read: the keys folder (data-protection key ring, code-hash and unsubscribe keys).
/// Folders are 0700 and files 0600 on Unix; anyone else on the machine who could read them could forge sign-in cookies
/// or check codes offline. Windows keeps its inherited ACLs (the data folder's own).
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder as 0700 (an existing one keeps its mode until <see cref="Tighten"/>).</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, FolderMode);
    }

    /// <summary>A random 32-byte key kept (base64) in a 0600 file: read when there, made when not.</summary>
    public static byte[] LoadOrCreateKey(string path)
    {
        if (File.Exists(path)) return Convert.FromBase64String(File.ReadAllText(path).Trim());
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        WriteNewFile(path, Convert.ToBase64String(key));
        return key;
    }

    /// <summary>Writes a new file as 0600 from its first byte.</summary>
    public static void WriteNewFile(string path, string contents)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode;
        using var writer = new StreamWriter(path, options);
        writer.Write(contents);
    }

    /// <summary>Sets the folder to 0700 and every file in it to 0600: for what was made before, or by a library.</summary>
    public static void Tighten(string folder)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(folder)) return;
        File.SetUnixFileMode(folder, FolderMode);
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if (File.GetUnixFileMode(file) != FileMode) File.SetUnixFileMode(file, FileMode);
        }
    }
}
