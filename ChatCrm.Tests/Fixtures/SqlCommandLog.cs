using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ChatCrm.Tests.Fixtures;

/// <summary>
/// Records the SQL EF Core sends (its "Executed DbCommand" log), so a test can show that paging and searching happen
/// in the database rather than in memory.
/// </summary>
public sealed class SqlCommandLog : ILoggerProvider
{
    private const string CommandCategory = "Microsoft.EntityFrameworkCore.Database.Command";

    private readonly ConcurrentQueue<string> _commands = new();

    public IReadOnlyList<string> Commands => [.. _commands];

    public void Clear() => _commands.Clear();

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName == CommandCategory ? _commands : null);

    public void Dispose()
    {
    }

    private sealed class Recorder(ConcurrentQueue<string>? commands) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => commands is not null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (commands is not null && eventId.Name?.EndsWith("CommandExecuted", StringComparison.Ordinal) == true)
            {
                commands.Enqueue(formatter(state, exception));
            }
        }
    }
}
