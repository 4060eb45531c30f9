namespace Approval.Tests;

/// <summary>The real PostgreSQL and RabbitMQ that ./approval test started for this run; compiled into each test project that needs them.</summary>
internal static class TestServers
{
    public static string Postgres => Required("APPROVAL_TEST_POSTGRES");
    public static string RabbitMq => Required("APPROVAL_TEST_RABBITMQ");

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run these tests through ./approval test, which starts the servers.");
}
