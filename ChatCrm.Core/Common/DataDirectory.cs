namespace ChatCrm.Core.Common;

/// <summary>The resolved data folder; every file the app writes is placed through this type.</summary>
public sealed class DataDirectory
{
    public DataDirectory(string root, string? uploads = null)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
        _uploads = uploads is { Length: > 0 } ? Path.GetFullPath(uploads) : Path.Combine(Root, "uploads");
    }

    private readonly string _uploads;

    public string Root { get; }

    public string DatabaseFile => Path.Combine(Root, "chatcrm.db");

    public string Outbox => Ensure("outbox");

    /// <summary>Uploaded files: under the data folder, or the folder every server shares (ChatCrm:UploadsDirectory).</summary>
    public string Uploads
    {
        get
        {
            Directory.CreateDirectory(_uploads);
            return _uploads;
        }
    }

    /// <summary>Secrets only: created readable by the app's user alone (see <see cref="PrivateFiles"/>).</summary>
    public string Keys
    {
        get
        {
            var path = Path.Combine(Root, "keys");
            PrivateFiles.CreateFolder(path);
            return path;
        }
    }

    private string Ensure(string name)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(path);
        return path;
    }
}
