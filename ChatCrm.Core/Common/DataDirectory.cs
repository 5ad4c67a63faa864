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

    public string Keys => Ensure("keys");

    private string Ensure(string name)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(path);
        return path;
    }
}
