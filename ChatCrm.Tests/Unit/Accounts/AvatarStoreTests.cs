using System.Text;
using ChatCrm.Core.Accounts;
using ChatCrm.Core.Common;
using ChatCrm.Tests.Fixtures;
using Microsoft.Extensions.Options;

namespace ChatCrm.Tests.Unit.Accounts;

public sealed class AvatarStoreTests : IDisposable
{
    // A complete, valid 1x1 PNG image.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private readonly TempFolder _folder = new("avatars");
    private readonly DataDirectory _data;
    private readonly AvatarStore _store;

    public AvatarStoreTests()
    {
        _data = new DataDirectory(_folder.Combine("data"));
        _store = new AvatarStore(_data, Options.Create(new UploadOptions { AvatarMaxBytes = 4096 }));
    }

    private string AvatarFolder => Path.Combine(_data.Uploads, "avatars");

    [Fact]
    public async Task AcceptsARealPngAndServesItBack()
    {
        var (name, error) = await _store.SaveAsync(new MemoryStream(Png));

        Assert.Null(error);
        Assert.NotNull(name);
        Assert.EndsWith(".png", name, StringComparison.Ordinal);
        var opened = _store.Open(name);
        Assert.NotNull(opened);
        Assert.Equal("image/png", opened.Value.ContentType);
        Assert.Equal(Png, await File.ReadAllBytesAsync(opened.Value.Path));
    }

    [Fact]
    public async Task RefusesATextFileRenamedPng()
    {
        var disguised = _folder.Combine("avatar.png");
        await File.WriteAllTextAsync(disguised, "<script>alert('hi')</script>", Encoding.UTF8);

        await using var upload = File.OpenRead(disguised);
        var (name, error) = await _store.SaveAsync(upload);

        Assert.Null(name);
        Assert.Contains("PNG, JPEG, GIF or WebP", error, StringComparison.Ordinal);
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task RefusesAPictureOverTheSizeLimit()
    {
        var big = Png.Concat(new byte[5000]).ToArray();

        var (name, error) = await _store.SaveAsync(new MemoryStream(big));

        Assert.Null(name);
        Assert.Contains("too large", error, StringComparison.Ordinal);
        Assert.Empty(StoredFiles());
    }

    [Theory]
    [InlineData("../x.png")]
    [InlineData("..%2fx.png")]
    [InlineData("avatars/../../x.png")]
    [InlineData("/x.png")]
    [InlineData("..\\x.png")]
    public async Task OpenRefusesPathTricks(string fileName)
    {
        // A real picture just outside the avatar folder, where "../x.png" points.
        var (stored, _) = await _store.SaveAsync(new MemoryStream(Png));
        var outside = Path.Combine(_data.Uploads, "x.png");
        File.Copy(Path.Combine(AvatarFolder, stored!), outside);

        Assert.Null(_store.Open(fileName));
        _store.Delete(fileName);
        Assert.True(File.Exists(outside), "Delete reached outside the avatar folder.");
    }

    [Fact]
    public void OpenRefusesANameItDidNotMake() => Assert.Null(_store.Open("0123456789abcdef0123456789abcdef.png"));

    public void Dispose() => _folder.Dispose();

    private string[] StoredFiles() => Directory.Exists(AvatarFolder) ? Directory.GetFiles(AvatarFolder) : [];
}
