using System.Diagnostics;
using ChatCrm.Core.Data;
using ChatCrm.Core.Email;
using ChatCrm.Tests.Fixtures;
using ChatCrm.Tests.Integration.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace ChatCrm.Tests.Integration.Email;

/// <summary>
/// Two app servers on one database, each running its own mail sender, plus extra passes fired at the same time:
/// every queued mail reaches the SMTP server exactly once.
/// </summary>
public abstract class OutboxOnSeveralServersTests(SmtpServerFixture smtp, ITestOutputHelper output)
{
    private const int Mails = 200;

    /// <summary>Settings that put a second server on the first one's database.</summary>
    protected abstract Task<Dictionary<string, string?>> DatabaseSettingsAsync(CoreServices? first);

    [Fact]
    public async Task TwoServersSendingTheSameQueueNeverSendOneMailTwice()
    {
        await using var first = await CoreServices.StartAsync(smtp, await DatabaseSettingsAsync(null));
        await using var second = await CoreServices.StartAsync(smtp, await DatabaseSettingsAsync(first));
        var run = Guid.NewGuid().ToString("N")[..8];
        var addresses = Enumerable.Range(0, Mails).Select(i => $"twice-{run}-{i}@example.test").ToList();
        var queue = first.Get<MailOutbox>();

        var watch = Stopwatch.StartNew();
        // Queued in batches while both senders (hosted) and extra passes on both servers work the queue at once.
        var passes = Enumerable.Range(0, 4).Select(i => Task.Run(() => (i % 2 == 0 ? first : second).DeliverQueuedMailAsync(TimeSpan.FromSeconds(60)))).ToList();
        await first.WithDbAsync(async db =>
        {
            foreach (var batch in addresses.Chunk(20))
            {
                foreach (var to in batch) queue.Add(db, EmailTemplates.Build(to, $"Mail for {to}", "You", ["Hi."]));
                await db.SaveChangesAsync();
            }
            return 0;
        });
        await Task.WhenAll(passes);
        await first.DeliverQueuedMailAsync(TimeSpan.FromSeconds(60));
        await second.DeliverQueuedMailAsync(TimeSpan.FromSeconds(60));

        var received = addresses.SelectMany(a => smtp.Mailbox.MailTo(a)).ToList();
        output.WriteLine($"{received.Count} mails received for {Mails} queued, {received.Select(m => m.MessageId).Distinct().Count()} distinct, in {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.All(addresses, a => Assert.Single(smtp.Mailbox.MailTo(a)));
        Assert.Equal(Mails, received.Select(m => m.MessageId).Distinct().Count());
        var statuses = await first.WithDbAsync(db => db.OutboxMails.AsNoTracking().GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.Equal(OutboxStatus.Sent, Assert.Single(statuses).Key);
    }
}

[Collection(SmtpServerGroup.Name)]
public sealed class OutboxOnSeveralServersOnSqliteTests(SmtpServerFixture smtp, ITestOutputHelper output) : OutboxOnSeveralServersTests(smtp, output)
{
    protected override Task<Dictionary<string, string?>> DatabaseSettingsAsync(CoreServices? first) =>
        Task.FromResult(first is null ? new Dictionary<string, string?>() : new Dictionary<string, string?> { ["ChatCrm:DataDirectory"] = first.DataFolder });
}

[Collection(PostgreSqlAppGroup.Name)]
public sealed class OutboxOnSeveralServersOnPostgreSqlTests(PostgresFixture postgres, SmtpServerFixture smtp, ITestOutputHelper output)
    : OutboxOnSeveralServersTests(smtp, output)
{
    private string? _database;

    protected override async Task<Dictionary<string, string?>> DatabaseSettingsAsync(CoreServices? first) => new()
    {
        ["ChatCrm:DatabaseProvider"] = DatabaseProviders.PostgreSql,
        ["ConnectionStrings:ChatCrm"] = _database ??= await postgres.CreateDatabaseAsync(),
    };
}
