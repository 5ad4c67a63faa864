namespace ChatCrm.Core.Common;

/// <summary>The resolved data folder; every file the app writes is placed through this type.</summary>
public sealed class DataDirectory
{
    public DataDirectory(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string DatabaseFile => Path.Combine(Root, "chatcrm.db");

    public string Outbox => Ensure("outbox");

    public string Uploads => Ensure("uploads");

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
