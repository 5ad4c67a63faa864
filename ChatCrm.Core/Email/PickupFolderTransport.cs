using ChatCrm.Core.Common;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace ChatCrm.Core.Email;

/// <summary>
/// With no SMTP server configured, each mail becomes an .eml file in the outbox folder under the data folder, so a
/// first run needs no mail server: a person opens the file to read the code.
/// </summary>
internal sealed partial class PickupFolderTransport(DataDirectory data, ILogger<PickupFolderTransport> logger) : IMailTransport, IMailConnection
{
    public Task<IMailConnection> ConnectAsync(CancellationToken cancellationToken) => Task.FromResult<IMailConnection>(this);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        // Plain 8-bit text: a person reads the raw file.
        message.Prepare(EncodingConstraint.EightBit);
        var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{(message.MessageId ?? Guid.NewGuid().ToString("N")).Split('@')[0]}.eml";
        // DataDirectory creates the folder when asked for it.
        var path = Path.Combine(data.Outbox, name);
        // Written aside and moved in, so a reader never sees half a mail.
        var partial = path + ".partial";
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, path, overwrite: true);
        // The operator reading the log learns where the code went; the address list is only built when it is shown.
        if (logger.IsEnabled(LogLevel.Information))
        {
            var to = string.Join(", ", message.To.Mailboxes.Select(m => m.Address));
            LogWritten(to, path);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "No SMTP server configured: mail to {To} written to {File}")]
    private partial void LogWritten(string to, string file);
}
