using ChatCrm.Core.Accounts;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;

namespace ChatCrm.Web.Components.Pages.Chat;

/// <summary>
/// Files into a chat: one after another with a progress bar, each sent as a message as soon as it is stored. What the
/// store would refuse (Core's limits, <see cref="ChatFileStore.RefusalBeforeUpload"/>) is refused before a byte is
/// sent; what went wrong is said in one outcome after the batch.
/// </summary>
public sealed partial class AttachmentUpload
{
    private static readonly TimeSpan ProgressPaintEvery = TimeSpan.FromMilliseconds(100);

    [Inject] private MessageService Messages { get; set; } = default!;
    [Inject] private ChatFileStore Files { get; set; } = default!;
    [Inject] private IOptions<ChatOptions> Options { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    [Parameter, EditorRequired] public Guid ConversationId { get; set; }

    /// <summary>A file message this sent, to show at once.</summary>
    [Parameter] public EventCallback<MessageView> Sent { get; set; }

    /// <summary>The message being answered: a file sent now answers it (the first, when several go at once).</summary>
    [Parameter] public Guid? ReplyTo { get; set; }

    private readonly CancellationTokenSource _life = new();
    private bool _uploading;
    private string? _name;
    private int _index;
    private int _count;
    private double _percent;
    private DateTimeOffset _lastPaint;

    private async Task UploadAsync(InputFileChangeEventArgs e)
    {
        if (_uploading)
        {
            // Only a paste can start a second upload (the button is off meanwhile).
            Outcomes.Refused("Wait until the current upload has finished, then attach again.");
            return;
        }
        var most = Options.Value.FilesAtOnceMax;
        if (e.FileCount > most)
        {
            Outcomes.Refused($"Attach at most {most} files at a time.");
            return;
        }
        var files = e.GetMultipleFiles(most);
        var problems = new List<string>();
        _uploading = true;
        try
        {
            var actor = await GetActorAsync();
            for (var i = 0; i < files.Count; i++)
            {
                if (await UploadOneAsync(actor, files[i], i + 1, files.Count) is { } problem) problems.Add(problem);
            }
        }
        catch (OperationCanceledException) when (_life.IsCancellationRequested)
        {
            return;
        }
        catch (ForbiddenException ex)
        {
            problems.Add(ex.Message);
        }
        catch (Exception ex)
        {
            ChatLog.ActionFailed(Logger, ex, "upload files");
            problems.Add("The upload failed. Please try again.");
        }
        finally
        {
            _uploading = false;
        }
        if (problems.Count > 0) Outcomes.Refused(string.Join(" ", problems));
    }

    /// <returns>What went wrong with this file, or null when it was sent.</returns>
    private async Task<string?> UploadOneAsync(Actor actor, IBrowserFile file, int index, int count)
    {
        if (Files.RefusalBeforeUpload(file.Name, file.ContentType, file.Size) is { } refusal) return refusal;
        (_name, _index, _count, _percent) = (file.Name, index, count, 0);
        StateHasChanged();
        try
        {
            await using var browserStream = file.OpenReadStream(Files.MaxBytes, _life.Token);
            await using var counted = new ProgressStream(browserStream, read => ShowProgress(read, file.Size));
            await Sent.InvokeAsync(await Messages.SendFileAsync(actor, ConversationId, counted, file.Name, null, index == 1 ? ReplyTo : null, _life.Token));
            return null;
        }
        catch (ChatRuleException ex)
        {
            return $"{file.Name}: {ex.Message}";
        }
        catch (IOException ex)
        {
            ChatLog.UploadInterrupted(Logger, ex, file.Size);
            return $"{file.Name} did not finish uploading. Please try again.";
        }
    }

    private void ShowProgress(long read, long total)
    {
        var percent = total <= 0 ? 100 : Math.Min(100, Math.Round(read * 100.0 / total));
        var now = Clock.GetUtcNow();
        if (percent == _percent || (now - _lastPaint < ProgressPaintEvery && percent < 100)) return;
        _percent = percent;
        _lastPaint = now;
        _ = InvokeAsync(StateHasChanged);
    }

    public async ValueTask DisposeAsync()
    {
        await _life.CancelAsync();
        _life.Dispose();
    }
}
