namespace ExecutionHub.Web.Infrastructure.Messaging;

public static class MessagingServices
{
    /// <summary>The outbox, its channels and its delivery job (scheduled by Hangfire in the web host, called directly in tests).</summary>
    public static IServiceCollection AddExecutionHubMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MessagingOptions>(configuration.GetSection(MessagingOptions.Section));
        services.AddHttpClient(SmsGatewayChannel.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<IMessageChannel, LogChannel>();
        services.AddSingleton<IMessageChannel, SmsGatewayChannel>();
        services.AddSingleton<MessageChannelRouter>();
        services.AddSingleton<OutboxSecrets>();
        services.AddSingleton<IOutbox, Outbox>();
        services.AddTransient<DeliverOutboxJob>();
        return services;
    }
}
