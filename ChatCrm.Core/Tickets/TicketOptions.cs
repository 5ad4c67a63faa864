using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ChatCrm.Core.Tickets;

/// <summary><c>ChatCrm:Tickets</c>: the SLA (hours until a ticket is due) per priority, and where mails link to.</summary>
public sealed class TicketOptions
{
    public const string Section = "ChatCrm:Tickets";

    // At most a year: a longer "SLA" is a typo, and a bad setting must stop the app rather than hide tickets.
    [Range(1, 8760)]
    public int UrgentHours { get; set; } = 4;

    [Range(1, 8760)]
    public int HighHours { get; set; } = 24;

    [Range(1, 8760)]
    public int MediumHours { get; set; } = 72;

    [Range(1, 8760)]
    public int LowHours { get; set; } = 168;

}

/// <summary>Checks that a more urgent priority never gets more time than a less urgent one.</summary>
internal sealed class TicketOptionsValidator : IValidateOptions<TicketOptions>
{
    public ValidateOptionsResult Validate(string? name, TicketOptions options) =>
        options.UrgentHours <= options.HighHours && options.HighHours <= options.MediumHours && options.MediumHours <= options.LowHours
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{TicketOptions.Section}: the hours must not grow with urgency (Urgent ≤ High ≤ Medium ≤ Low).");
}

/// <summary>When a ticket is due: its creation plus the SLA hours of its priority.</summary>
public sealed class TicketSla(IOptions<TicketOptions> options)
{
    public TimeSpan For(TicketPriority priority)
    {
        var o = options.Value;
        return TimeSpan.FromHours(priority switch
        {
            TicketPriority.Urgent => o.UrgentHours,
            TicketPriority.High => o.HighHours,
            TicketPriority.Medium => o.MediumHours,
            TicketPriority.Low => o.LowHours,
            _ => throw new ArgumentOutOfRangeException(nameof(priority)),
        });
    }

    public DateTimeOffset DueAt(TicketPriority priority, DateTimeOffset from) => from + For(priority);
}
