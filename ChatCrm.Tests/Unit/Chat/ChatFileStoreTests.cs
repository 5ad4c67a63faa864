using System.Text;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Common;
using ChatCrm.Tests.Fixtures;
using Microsoft.Extensions.Options;

namespace ChatCrm.Tests.Unit.Chat;

/// <summary>Chat attachments on disk: what a file is comes from its bytes, limits per kind, random names, no path tricks.</summary>
public sealed class ChatFileStoreTests : IDisposable
{
    // A complete, valid 1x1 PNG image.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private readonly TempFolder _folder = new("chat-files");
    private readonly DataDirectory _data;
    private readonly ChatFileStore _store;

    public ChatFileStoreTests()
    {
        _data = new DataDirectory(_folder.Combine("data"));
        _store = new ChatFileStore(_data, Options.Create(new ChatOptions { ImageMaxBytes = 2048, FileMaxBytes = 4096, VideoMaxBytes = 8192 }));
    }

    private string ChatFolder => Path.Combine(_data.Uploads, "chat");

    public static TheoryData<string, byte[], MessageKind, string> Kinds => new()
    {
        { "notes.txt", Png, MessageKind.Image, "image/png" },
        { "photo", [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3], MessageKind.Image, "image/jpeg" },
        { "anim.bin", [.. "GIF89a"u8, 1, 0, 1, 0], MessageKind.Image, "image/gif" },
        { "pic.webp", [.. "RIFF"u8, 9, 0, 0, 0, .. "WEBPVP8 "u8, 0, 0], MessageKind.Image, "image/webp" },
        { "clip.mov", [0, 0, 0, 0x18, .. "ftypmp42"u8, 0, 0, 0, 0], MessageKind.Video, "video/mp4" },
        { "clip.webm", [0x1A, 0x45, 0xDF, 0xA3, 1, 2, 3, 4], MessageKind.Video, "video/webm" },
        { "picture.png", "just some text, not a picture"u8.ToArray(), MessageKind.File, "application/octet-stream" },
        { "report.pdf", "%PDF-1.7 ..."u8.ToArray(), MessageKind.File, "application/octet-stream" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task WhatAFileIsComesFromItsBytesNotItsName(string fileName, byte[] content, MessageKind kind, string contentType)
    {
        var (attachment, savedKind) = await _store.SaveAsync(new MemoryStream(content), fileName);

        Assert.Equal((kind, contentType, fileName, content.Length), (savedKind, attachment.ContentType, attachment.FileName, (int)attachment.Size));
        Assert.Equal(content, await File.ReadAllBytesAsync(_store.PathOf(attachment.StoredName)!));
    }

    [Theory]
    [InlineData("setup.exe")]
    [InlineData("SETUP.EXE")]
    [InlineData("page.html")]
    [InlineData("page.htm")]
    [InlineData("logo.svg")]
    [InlineData("run.sh")]
    [InlineData("setup.exe ")]
    [InlineData("setup.exe.")]
    [InlineData("setup.exe. . ")]
    [InlineData("folder/../setup.exe")]
    public async Task BlockedTypesAreRefusedWhateverTheBytes(string fileName)
    {
        var refused = await Assert.ThrowsAsync<ChatRuleException>(() => _store.SaveAsync(new MemoryStream(Png), fileName));

        Assert.Contains("cannot be sent", refused.Message, StringComparison.Ordinal);
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task EachKindHasItsOwnSizeLimit()
    {
        var bigPicture = Png.Concat(new byte[3000]).ToArray();
        var mediumText = Encoding.UTF8.GetBytes(new string('a', 3000));
        var bigText = Encoding.UTF8.GetBytes(new string('a', 4097));
        var video = new byte[] { 0x1A, 0x45, 0xDF, 0xA3 }.Concat(new byte[7000]).ToArray();
        var bigVideo = new byte[] { 0x1A, 0x45, 0xDF, 0xA3 }.Concat(new byte[9000]).ToArray();

        var picture = await Assert.ThrowsAsync<ChatRuleException>(() => _store.SaveAsync(new MemoryStream(bigPicture), "big.png"));
        var text = await Assert.ThrowsAsync<ChatRuleException>(() => _store.SaveAsync(new MemoryStream(bigText), "big.txt"));
        // Past the largest limit of any kind, the upload stops while it streams.
        var tooLarge = await Assert.ThrowsAsync<ChatRuleException>(() => _store.SaveAsync(new MemoryStream(bigVideo), "big.webm"));
        Assert.Empty(StoredFiles());

        Assert.Equal(MessageKind.File, (await _store.SaveAsync(new MemoryStream(mediumText), "medium.txt")).Kind);
        Assert.Equal(MessageKind.Video, (await _store.SaveAsync(new MemoryStream(video), "clip.webm")).Kind);
        Assert.Equal(2, StoredFiles().Length);
        // The limit is named in units that fit it, not rounded down to "0 MB".
        Assert.Equal("That image is too large: at most 2 KB.", picture.Message);
        Assert.Equal("That file is too large: at most 4 KB.", text.Message);
        Assert.Equal("That file is too large: at most 8 KB.", tooLarge.Message);
    }

    [Theory]
    [InlineData(10L * 1024 * 1024, "10 MB")]
    [InlineData(25L * 1024 * 1024, "25 MB")]
    [InlineData(1536L * 1024, "1.5 MB")]
    [InlineData(2048, "2 KB")]
    [InlineData(1500, "1.5 KB")]
    [InlineData(2L * 1024 * 1024 * 1024, "2048 MB")]
    public void SizesReadAsPeopleSayThem(long bytes, string said) => Assert.Equal(said, ChatFileStore.Describe(bytes));

    [Fact]
    public async Task AnEmptyFileIsRefused()
    {
        var refused = await Assert.ThrowsAsync<ChatRuleException>(() => _store.SaveAsync(new MemoryStream(), "empty.txt"));

        Assert.Equal("That file is empty.", refused.Message);
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task StoredNamesAreRandomAndTheShownNameIsCleaned()
    {
        var first = (await _store.SaveAsync(new MemoryStream(Png), "../../etc/passwd.png")).Attachment;
        var second = (await _store.SaveAsync(new MemoryStream(Png), "C:\\Users\\me\\passwd.png")).Attachment;
        var odd = (await _store.SaveAsync(new MemoryStream(Png), "a<b>|c:\"d\"?*.png\u0007")).Attachment;

        Assert.NotEqual(first.StoredName, second.StoredName);
        foreach (var stored in new[] { first, second, odd })
        {
            Assert.Matches("^[0-9a-f]{32}$", stored.StoredName);
            Assert.Equal(ChatFolder, Path.GetDirectoryName(_store.PathOf(stored.StoredName)));
        }
        Assert.Equal(("passwd.png", "passwd.png", "abcd.png"), (first.FileName, second.FileName, odd.FileName));
        Assert.Equal(3, StoredFiles().Length);
    }

    [Theory]
    [InlineData("../{0}")]
    [InlineData("..%2f{0}")]
    [InlineData("chat/../{0}")]
    [InlineData("/{0}")]
    [InlineData("..\\{0}")]
    [InlineData("{0}/")]
    public async Task PathOfAndDeleteRefusePathTricks(string trick)
    {
        // A stored file copied just outside the chat folder, where "../name" points.
        var stored = (await _store.SaveAsync(new MemoryStream(Png), "photo.png")).Attachment.StoredName;
        var outside = Path.Combine(_data.Uploads, stored);
        File.Copy(_store.PathOf(stored)!, outside);
        var name = string.Format(System.Globalization.CultureInfo.InvariantCulture, trick, stored);

        Assert.Null(_store.PathOf(name));
        _store.Delete(name);

        Assert.True(File.Exists(outside), "Delete reached outside the chat folder.");
        Assert.NotNull(_store.PathOf(stored));
    }

    [Fact]
    public void PathOfRefusesNamesItDidNotMake()
    {
        Assert.Null(_store.PathOf("0123456789abcdef0123456789abcdef"));
        Assert.Null(_store.PathOf("0123456789ABCDEF0123456789ABCDEF"));
        Assert.Null(_store.PathOf(""));
    }

    public void Dispose() => _folder.Dispose();

    private string[] StoredFiles() => Directory.Exists(ChatFolder) ? Directory.GetFiles(ChatFolder) : [];
}
