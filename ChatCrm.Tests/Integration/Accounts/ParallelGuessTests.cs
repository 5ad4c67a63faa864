using System.Globalization;
using ChatCrm.Core.Accounts;
using ChatCrm.Core.Data;
using ChatCrm.Tests.Fixtures;
using ChatCrm.Tests.Integration.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace ChatCrm.Tests.Integration.Accounts;

/// <summary>
/// Many guesses fired at once against one code and one account: the code's tries and the account's failure count are
/// conditional updates in the database, so no guess is lost and none is counted past the limit. The same scenarios
/// run on SQLite (one writer at a time) and PostgreSQL (row locks under READ COMMITTED).
/// </summary>
public abstract class ParallelGuessTests(SmtpServerFixture smtp, ITestOutputHelper output)
{
    private const int Guesses = 20;
    private const string Ip = "203.0.113.40";
    private static readonly string Password = TestPasswords.New();

    protected abstract string Engine { get; }

    protected abstract Task<Dictionary<string, string?>> DatabaseSettingsAsync();

    [Fact]
    public async Task ParallelWrongCodesRecordExactlyTheAllowedTriesAndTheRightCodeThenNoLongerWorks()
    {
        await using var core = await StartAsync(maxFailedAccessAttempts: 100);
        var user = await core.CreateUserAsync("Gus Guess", TestAddresses.New("gus"), Password);
        var code = await MailSignInCodeAsync(core, user);
        var codes = core.Get<EmailCodeService>();

        var checks = await AllAtOnceAsync(() => codes.VerifyAsync(user.Id, CodePurpose.SignIn, Wrong(code)));
        var right = await core.Get<AccountFlows>().CompleteSignInAsync(user.Email!, code);

        var row = await LatestCodeAsync(core, user.Id);
        var maxTries = MaxCodeTries(core);
        output.WriteLine($"{Engine}: {Guesses} parallel wrong codes recorded {row.FailedAttempts} tries (limit {maxTries}); " +
            $"answers: {string.Join(", ", checks.GroupBy(c => c.Status).Select(g => $"{g.Key} x{g.Count()}"))}");
        Assert.Equal(maxTries, row.FailedAttempts);
        Assert.NotNull(row.ConsumedAt);
        Assert.All(checks, c => Assert.False(c.IsValid));
        Assert.Equal(SignInStatus.InvalidCredentials, right.Status);
        Assert.Contains("no longer works", right.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParallelWrongCodesLockTheAccountAtExactlyTheLimitAndMailTheOwnerOnce()
    {
        await using var core = await StartAsync(maxFailedAccessAttempts: 5);
        var user = await core.CreateUserAsync("Cora Code", TestAddresses.New("cora"), Password);
        var code = await MailSignInCodeAsync(core, user);
        var flows = core.Get<AccountFlows>();

        var outcomes = await AllAtOnceAsync(() => flows.CompleteSignInAsync(user.Email!, Wrong(code)));
        var right = await flows.CompleteSignInAsync(user.Email!, code);

        var counted = outcomes.Count(o => o.Status == SignInStatus.InvalidCredentials);
        var after = await core.FindUserAsync(user.Email!);
        var row = await LatestCodeAsync(core, user.Id);
        output.WriteLine($"{Engine}: {Guesses} parallel wrong codes: {counted} failures counted before the lock, 1 locked it, " +
            $"{Guesses - counted} answered as locked; code tries recorded {row.FailedAttempts}; lock mails {(await LockMailsAsync(core, user)).Count}");
        Assert.Equal(4, counted);
        Assert.Equal(MaxCodeTries(core), row.FailedAttempts);
        Assert.True(after.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10), $"Not locked: {after.LockoutEnd}");
        Assert.Equal(0, after.AccessFailedCount);
        Assert.Single(await LockMailsAsync(core, user));
        Assert.NotEqual(SignInStatus.SignedIn, right.Status);
        Assert.Contains("no longer works", right.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParallelWrongPasswordsAreEachCountedOnce()
    {
        await using var core = await StartAsync(maxFailedAccessAttempts: 100);
        var user = await core.CreateUserAsync("Pia Parallel", TestAddresses.New("pia"), Password);
        var flows = core.Get<AccountFlows>();

        var outcomes = await AllAtOnceAsync(() => flows.BeginPasswordSignInAsync(user.Email!, TestPasswords.New(), Ip));

        var after = await core.FindUserAsync(user.Email!);
        output.WriteLine($"{Engine}: {Guesses} parallel wrong passwords counted {after.AccessFailedCount} failures (limit 100)");
        Assert.Equal(Guesses, after.AccessFailedCount);
        Assert.Null(after.LockoutEnd);
        Assert.All(outcomes, o => Assert.Equal(SignInStatus.InvalidCredentials, o.Status));
    }

    [Fact]
    public async Task ParallelWrongPasswordsLockTheAccountAtExactlyTheLimit()
    {
        await using var core = await StartAsync(maxFailedAccessAttempts: 5);
        var user = await core.CreateUserAsync("Lars Limit", TestAddresses.New("lars"), Password);
        var flows = core.Get<AccountFlows>();

        var outcomes = await AllAtOnceAsync(() => flows.BeginPasswordSignInAsync(user.Email!, TestPasswords.New(), Ip));
        var rightButLocked = await flows.BeginPasswordSignInAsync(user.Email!, Password, Ip);

        var counted = outcomes.Count(o => o.Status == SignInStatus.InvalidCredentials);
        var after = await core.FindUserAsync(user.Email!);
        output.WriteLine($"{Engine}: {Guesses} parallel wrong passwords: {counted} failures counted before the lock, 1 locked it; " +
            $"count after the lock {after.AccessFailedCount}; lock mails {(await LockMailsAsync(core, user)).Count}");
        Assert.Equal(4, counted);
        Assert.True(after.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10), $"Not locked: {after.LockoutEnd}");
        Assert.Equal(0, after.AccessFailedCount);
        Assert.Single(await LockMailsAsync(core, user));
        Assert.Equal(SignInStatus.LockedOut, rightButLocked.Status);
        Assert.Equal(flows.SignInFailedReply, rightButLocked.Message);
    }

    [Fact]
    public async Task AnAdminsLockHoldsWhileWrongPasswordsArriveInParallel()
    {
        await using var core = await StartAsync(maxFailedAccessAttempts: 100);
        var admin = await core.CreateUserAsync("Ada Admin", TestAddresses.New("ada"), Password, Roles.Admin);
        var user = await core.CreateUserAsync("Lee Locked", TestAddresses.New("lee"), Password);
        var flows = core.Get<AccountFlows>();

        var guesses = AllAtOnceAsync(() => flows.BeginPasswordSignInAsync(user.Email!, TestPasswords.New(), Ip));
        var locked = await core.Get<AdminAccountService>().LockAsync(new Actor(admin.Id, Roles.Admin), user.Id);
        await guesses;

        var after = await core.FindUserAsync(user.Email!);
        Assert.True(locked.Succeeded, locked.Error);
        Assert.Equal(AdminAccountService.LockedByAdminUntil, after.LockoutEnd);
        Assert.NotEqual(user.SecurityStamp, after.SecurityStamp);
    }

    private async Task<CoreServices> StartAsync(int maxFailedAccessAttempts)
    {
        var settings = await DatabaseSettingsAsync();
        settings["ChatCrm:Accounts:MaxFailedAccessAttempts"] = maxFailedAccessAttempts.ToString(CultureInfo.InvariantCulture);
        settings["ChatCrm:Accounts:LockoutMinutes"] = "15";
        return await CoreServices.StartAsync(smtp, settings);
    }

    /// <summary>Starts every guess at the same moment (each on its own thread and DbContext), and waits for all.</summary>
    private static async Task<T[]> AllAtOnceAsync<T>(Func<Task<T>> guess)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var guesses = Enumerable.Range(0, Guesses).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await guess();
        })).ToArray();
        start.SetResult();
        return await Task.WhenAll(guesses);
    }

    private async Task<string> MailSignInCodeAsync(CoreServices core, AppUser user)
    {
        Assert.Equal(SignInStatus.CodeSent, (await core.Get<AccountFlows>().SendSignInCodeAsync(user.Email!, Ip)).Status);
        return await smtp.Mailbox.WaitForCodeAsync(user.Email!, "sign-in code");
    }

    private static async Task<EmailCode> LatestCodeAsync(CoreServices core, Guid userId)
    {
        await using var db = await core.Get<IDbContextFactory<ChatCrmDbContext>>().CreateDbContextAsync();
        return await db.EmailCodes.AsNoTracking().Where(c => c.UserId == userId).OrderByDescending(c => c.CreatedAt).FirstAsync();
    }

    private static int MaxCodeTries(CoreServices core) => core.Get<Microsoft.Extensions.Options.IOptions<AccountOptions>>().Value.CodeMaxAttempts;

    /// <summary>The lock notices the person got, once everything queued so far has gone out.</summary>
    private async Task<List<ReceivedMail>> LockMailsAsync(CoreServices core, AppUser user)
    {
        await core.DeliverQueuedMailAsync();
        return smtp.Mailbox.MailTo(user.Email!).Where(m => m.Subject.Contains("locked", StringComparison.Ordinal)).ToList();
    }

    private static string Wrong(string code) =>
        ((int.Parse(code, CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
}

[Collection(SmtpServerGroup.Name)]
public sealed class ParallelGuessesOnSqliteTests(SmtpServerFixture smtp, ITestOutputHelper output) : ParallelGuessTests(smtp, output)
{
    protected override string Engine => "SQLite";

    protected override Task<Dictionary<string, string?>> DatabaseSettingsAsync() => Task.FromResult(new Dictionary<string, string?>());
}

[Collection(PostgreSqlAppGroup.Name)]
public sealed class ParallelGuessesOnPostgreSqlTests(PostgresFixture postgres, SmtpServerFixture smtp, ITestOutputHelper output)
    : ParallelGuessTests(smtp, output)
{
    protected override string Engine => "PostgreSQL";

    protected override async Task<Dictionary<string, string?>> DatabaseSettingsAsync() => new()
    {
        ["ChatCrm:DatabaseProvider"] = DatabaseProviders.PostgreSql,
        ["ConnectionStrings:ChatCrm"] = await postgres.CreateDatabaseAsync(),
    };
}
