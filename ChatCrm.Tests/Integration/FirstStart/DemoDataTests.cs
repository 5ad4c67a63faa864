using System.Text.RegularExpressions;
using ChatCrm.Tests.Fixtures;
using Microsoft.Data.Sqlite;

namespace ChatCrm.Tests.Integration.FirstStart;

/// <summary>ChatCrm:DemoData fills an install with demo people once; the log line is all a newcomer needs.</summary>
[Collection(FirstStartGroup.Name)]
public sealed partial class DemoDataTests(SmtpServerFixture smtp) : AppProcessTestBase
{
    private const string Maria = "maria.lopez@demo.chatcrm.local";

    [Fact]
    public async Task DemoPeopleAreSeededOnceAndSignInWithThePrintedPassword()
    {
        var (app, data) = NewApp(new Dictionary<string, string?>(smtp.Settings) { ["ChatCrm:DemoData"] = "true" });

        var first = await StartAsync(app);
        var seeded = DemoLine().Matches(first);
        Assert.True(seeded.Count == 1, $"Expected one demo data line, found {seeded.Count}:\n{first}");
        Assert.Equal("9", seeded[0].Groups["count"].Value);
        var password = seeded[0].Groups["password"].Value;

        using (var maria = app.CreateFormClient())
        {
            await maria.SignInAsync(Maria, password, () => smtp.Mailbox.WaitForCodeAsync(Maria, "sign-in code"));
        }

        var second = await RestartAsync(app);
        Assert.DoesNotContain("Demo data:", second, StringComparison.Ordinal);
        Assert.Equal(9, await CountDemoAccountsAsync(Path.Combine(data, "chatcrm.db")));
    }

    // Counting rows reads no secret; the running app keeps the file open, so this reads it without taking a lock.
    private static async Task<long> CountDemoAccountsAsync(string databaseFile)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM users WHERE Email LIKE '%@demo.chatcrm.local'";
        return (long)(await count.ExecuteScalarAsync())!;
    }

    [GeneratedRegex(@"Demo data: created (?<count>\d+) people .*their password is (?<password>\S+)")]
    private static partial Regex DemoLine();
}
