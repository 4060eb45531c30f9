using Approval.ServiceDefaults;
using Microsoft.Extensions.Configuration;

namespace Approval.UnitTests;

/// <summary>Each service's database name: its own connection string, else the server with the region's prefix (issue 21).</summary>
public sealed class ServiceDatabaseTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private const string Server = "Host=127.0.0.1;Port=5432;Username=approval";

    [Fact]
    public void Two_regions_on_one_server_get_databases_of_their_own()
    {
        Assert.Contains("Database=approval_intake", ServiceDatabase.ConnectionStringFor(Settings(("ConnectionStrings:postgres", Server)), "intake"));
        var east = ServiceDatabase.ConnectionStringFor(Settings(("ConnectionStrings:postgres", Server), ("Approval:Database:Prefix", "approval_320193")), "intake");
        var west = ServiceDatabase.ConnectionStringFor(Settings(("ConnectionStrings:postgres", Server), ("Approval:Database:Prefix", "approval_320194")), "intake");
        Assert.Contains("Database=approval_320193_intake", east);
        Assert.Contains("Database=approval_320194_intake", west);
        Assert.Contains("Database=mine", ServiceDatabase.ConnectionStringFor(
            Settings(("ConnectionStrings:postgres", Server), ("ConnectionStrings:intakedb", Server + ";Database=mine"), ("Approval:Database:Prefix", "approval_320193")), "intake"));
    }

    [Theory]
    [InlineData("Approval-320193")]
    [InlineData("approval;Database=postgres")]
    [InlineData("1approval")]
    public void A_prefix_that_is_not_a_plain_lower_case_name_stops_the_service(string prefix) =>
        Assert.Throws<InvalidOperationException>(() => ServiceDatabase.ConnectionStringFor(
            Settings(("ConnectionStrings:postgres", Server), ("Approval:Database:Prefix", prefix)), "intake"));

    [Fact]
    public void Every_service_connection_keeps_its_frequent_statements_prepared_and_skips_the_pool_reset_unless_its_string_says_otherwise()
    {
        var derived = new Npgsql.NpgsqlConnectionStringBuilder(ServiceDatabase.ConnectionStringFor(Settings(("ConnectionStrings:postgres", Server)), "intake"));
        Assert.Equal(ServiceDatabase.AutoPreparedStatements, derived.MaxAutoPrepare);
        Assert.True(derived.NoResetOnClose);
        var own = new Npgsql.NpgsqlConnectionStringBuilder(ServiceDatabase.ConnectionStringFor(
            Settings(("ConnectionStrings:postgres", Server), ("ConnectionStrings:intakedb", Server + ";Database=mine")), "intake"));
        Assert.Equal(ServiceDatabase.AutoPreparedStatements, own.MaxAutoPrepare);
        Assert.Equal(0, new Npgsql.NpgsqlConnectionStringBuilder(ServiceDatabase.ConnectionStringFor(
            Settings(("ConnectionStrings:postgres", Server + ";Max Auto Prepare=0")), "intake")).MaxAutoPrepare);
        Assert.Equal(7, new Npgsql.NpgsqlConnectionStringBuilder(ServiceDatabase.ConnectionStringFor(
            Settings(("ConnectionStrings:postgres", Server), ("ConnectionStrings:intakedb", Server + ";maxautoprepare=7")), "intake")).MaxAutoPrepare);
        Assert.False(new Npgsql.NpgsqlConnectionStringBuilder(ServiceDatabase.ConnectionStringFor(
            Settings(("ConnectionStrings:postgres", Server + ";No Reset On Close=false")), "intake")).NoResetOnClose);
    }
}
