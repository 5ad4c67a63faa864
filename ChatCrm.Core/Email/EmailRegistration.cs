using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatCrm.Core.Email;

internal static class EmailRegistration
{
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        // Shared by every request, circuit and the background sender.
        services.AddSingleton<MailOutboxSignal>();
        services.AddSingleton<MailOutboxWakeUp>();
        services.AddSingleton<MailOutbox>();
        services.AddSingleton<MailOutboxAdmin>();
        // Chosen once: the settings are read at start and do not change while the app runs.
        services.AddSingleton<IMailTransport>(sp => string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<EmailOptions>>().Value.Smtp.Host)
            ? ActivatorUtilities.CreateInstance<PickupFolderTransport>(sp)
            : ActivatorUtilities.CreateInstance<SmtpMailTransport>(sp));
        services.AddSingleton<MailDeliveryWorker>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<MailDeliveryWorker>());
        return services;
    }
}
