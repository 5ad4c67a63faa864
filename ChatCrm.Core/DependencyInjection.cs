using ChatCrm.Core.Common;
using ChatCrm.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ChatCrm.Core.Accounts;
using ChatCrm.Core.Campaigns;
using ChatCrm.Core.Chat;
using ChatCrm.Core.Cluster;
using ChatCrm.Core.Dashboard;
using ChatCrm.Core.Email;
using ChatCrm.Core.Leads;
using ChatCrm.Core.Meetings;
using ChatCrm.Core.Tickets;

namespace ChatCrm.Core;

public static class DependencyInjection
{
    /// <summary>Registers ChatCrm's domain services and data layer.</summary>
    public static IServiceCollection AddChatCrmCore(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<ChatCrmOptions>()
            .Bind(configuration.GetSection(ChatCrmOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var options = configuration.GetSection(ChatCrmOptions.Section).Get<ChatCrmOptions>() ?? new ChatCrmOptions();
        var dataRoot = Path.Combine(environment.ContentRootPath, options.DataDirectory);
        var uploads = options.UploadsDirectory is { Length: > 0 } shared ? Path.Combine(environment.ContentRootPath, shared) : null;
        var dataDirectory = new DataDirectory(dataRoot, uploads);
        var connectionString = ResolveConnectionString(configuration, options, dataDirectory);

        // Shared by every circuit and request.
        services.AddSingleton(dataDirectory);
        services.AddSingleton(TimeProvider.System);

        // One context per operation (DESIGN.md: components never hold a DbContext).
        services.AddDbContextFactory<ChatCrmDbContext>((sp, db) =>
        {
            DatabaseProviders.Configure(db, options.DatabaseProvider, connectionString);
            db.AddInterceptors(sp.GetRequiredService<MailOutboxWakeUp>());
        });

        services.AddEmail(configuration);
        services.AddAccounts(configuration);
        services.AddChat(configuration);
        services.AddLeads(configuration);
        services.AddCampaigns(configuration);
        services.AddMeetings(configuration);
        services.AddTickets(configuration);
        services.AddDashboard(configuration);
        // The chat and the CRM together (a client's tickets, meetings and lead beside their chat): reads both.
        services.AddSingleton<Contacts.ChatContacts>();
        // One search over every feature (Ctrl+K), each kind through its own service and rules.
        services.AddSingleton<Search.GlobalSearch>();
        services.AddCluster(configuration);
        return services;
    }

    private static string ResolveConnectionString(IConfiguration configuration, ChatCrmOptions options, DataDirectory data)
    {
        var configured = configuration.GetConnectionString("ChatCrm");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        if (options.DatabaseProvider == DatabaseProviders.Sqlite) return $"Data Source={data.DatabaseFile}";
        throw new OptionsValidationException(ChatCrmOptions.Section, typeof(ChatCrmOptions),
            ["ConnectionStrings:ChatCrm (environment ConnectionStrings__ChatCrm) is required when ChatCrm:DatabaseProvider is PostgreSql."]);
    }
}
