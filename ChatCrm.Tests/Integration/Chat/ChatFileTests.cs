using ChatCrm.Core.Chat;

namespace ChatCrm.Tests.Integration.Chat;

/// <summary>Sending files through the service, with limits from configuration as the app reads them.</summary>
public sealed class ChatFileTests : IAsyncLifetime
{
    private ChatHarness _chat = null!;
    private Person _ann = null!;
    private Person _bob = null!;
    private Guid _direct;

    public async Task InitializeAsync()
    {
        _chat = await ChatHarness.StartAsync(new Dictionary<string, string?>
        {
            ["ChatCrm:Chat:ImageMaxBytes"] = "2048",
            ["ChatCrm:Chat:FileMaxBytes"] = "4096",
            ["ChatCrm:Chat:VideoMaxBytes"] = "4096",
        });
        _ann = await _chat.PersonAsync("Ann");
        _bob = await _chat.PersonAsync("Bob");
        _direct = await _chat.DirectAsync(_ann, _bob);
    }

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    [Fact]
    public async Task AnImageIsSentAsAnImageWithItsCaption()
    {
        var bobSees = _chat.Listen(_bob);

        var sent = await _chat.Messages.SendFileAsync(_ann.Actor, _direct, new MemoryStream(ChatHarness.Png), "scan.txt", "  the scan  ");

        Assert.Equal((MessageKind.Image, "the scan"), (sent.Kind, sent.Text));
        Assert.Equal(new AttachmentView("scan.txt", "image/png", ChatHarness.Png.Length), sent.Attachment);
        Assert.Equal(sent, Assert.Single(bobSees.Posted(_direct)));
        Assert.Equal("📷 scan.txt", (await _chat.Chats.ListAsync(_bob.Actor)).Single().Preview);
    }

    [Fact]
    public async Task TextNamedPngIsSentAsAPlainFileAndServedAsOctetStream()
    {
        var sent = await _chat.Messages.SendFileAsync(_ann.Actor, _direct, new MemoryStream("<script>alert(1)</script>"u8.ToArray()), "cat.png");

        Assert.Equal(MessageKind.File, sent.Kind);
        var opened = (await _chat.Messages.OpenAttachmentAsync(_bob.Actor, sent.Id))!.Value;
        Assert.Equal(("application/octet-stream", "cat.png"), (opened.Attachment.ContentType, opened.Attachment.FileName));
    }

    [Fact]
    public async Task ARefusedUploadLeavesNoFileAndNoMessage()
    {
        var bigPicture = ChatHarness.Png.Concat(new byte[3000]).ToArray();

        var tooBig = await Assert.ThrowsAsync<ChatRuleException>(() => _chat.Messages.SendFileAsync(_ann.Actor, _direct, new MemoryStream(bigPicture), "big.png"));
        await Assert.ThrowsAsync<ChatRuleException>(() => _chat.Messages.SendFileAsync(_ann.Actor, _direct, new MemoryStream(ChatHarness.Png), "run.exe"));
        await Assert.ThrowsAsync<ChatRuleException>(() => _chat.Messages.SendFileAsync(_ann.Actor, _direct, new MemoryStream(), "empty.txt"));
        await Assert.ThrowsAsync<ChatRuleException>(() =>
            _chat.Messages.SendFileAsync(_ann.Actor, _direct, new MemoryStream(ChatHarness.Png), "ok.png", new string('x', Message.TextMax + 1)));

        Assert.Equal("That image is too large: at most 2 KB.", tooBig.Message);
        Assert.Empty(_chat.StoredFiles());
        Assert.Empty(await _chat.StoredMessagesAsync(_direct));
    }
}
