namespace ChatCrm.Tests.Fixtures;

/// <summary>A folder of its own for one fixture or test, removed with everything in it on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string purpose)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "chatcrm-tests", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A server that is still shutting down may hold a file for a moment; a leftover temp folder harms nothing.
        }
        catch (UnauthorizedAccessException)
        {
            // Same: files written by another user (the postgres account) in a half-stopped cluster.
        }
    }
}
